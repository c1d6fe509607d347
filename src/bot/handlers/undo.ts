/** /undo: reverts the user's last change, one step at a time. */
import type { Command } from '../../commands/command.ts';
import { undoLast, withChange } from '../../store/change.ts';
import { decodeLabel } from '../../store/undo-label.ts';
import { reschedule } from '../../store/users.ts';
import type { Handler } from '../context.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

export const undo: Handler<Of<'undo'>> = async (ctx) => {
  const label = await withChange(ctx.db, ctx.user, ctx.now, null, async (change) => {
    const undone = await undoLast(change);
    // Settings may be back as they were: the next nudge is planned from them again.
    if (undone !== null) await reschedule(change.tx, ctx.user.id, ctx.now);
    return undone;
  });
  if (label === null) return [{ text: [ctx.t.nothingToUndo()] }];
  return [{ text: [ctx.t.undone(decodeLabel(label))] }];
};
