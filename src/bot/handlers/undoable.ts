/** Every change a handler makes is one undoable step of the user's data. */
import type { Change } from '../../store/change.ts';
import { withChange } from '../../store/change.ts';
import { encodeLabel, type UndoLabel } from '../../store/undo-label.ts';
import type { Ctx } from '../context.ts';

/** Runs a change of the current user's data as one undoable step. */
export function change<T>(ctx: Ctx, label: UndoLabel | null, work: (change: Change) => Promise<T>): Promise<T> {
  return withChange(ctx.db, ctx.user, ctx.now, label && encodeLabel(label), work);
}
