/** /undo: reverts the user's last change, one step at a time. */
import type { Command } from '../../commands/command.ts';
import { undoLastStep } from '../../store/change.ts';
import { withChange } from '../../store/change.ts';
import { nudgesOfEntries } from '../../store/nudges.ts';
import { decodeLabel } from '../../store/undo-label.ts';
import { reschedule } from '../../store/users.ts';
import type { Reply } from '../../port.ts';
import type { Handler } from '../context.ts';
import { editedNudge } from '../nudge-state.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/**
 * Reverts the newest step. When it answered a nudge entry, the entry is open
 * again and the nudge's message is redrawn to show it (edited in place).
 */
export const undo: Handler<Of<'undo'>> = async (ctx) => {
  const step = await withChange(ctx.db, ctx.user, ctx.now, null, async (change) => {
    const undone = await undoLastStep(change);
    // Settings may be back as they were: the next nudge is planned from them again.
    if (undone !== null) await reschedule(change.tx, ctx.user.id, ctx.now);
    return undone;
  });
  if (step === null) return [{ text: [ctx.t.nothingToUndo()] }];
  const entryIds = step.ops.flatMap((op) => (op.op === 'update' && op.table === 'nudge_entries' ? [op.id] : []));
  const edits: Reply[] = [];
  for (const nudgeId of await nudgesOfEntries(ctx.db, ctx.user.id, entryIds)) {
    const edited = await editedNudge(ctx, nudgeId);
    if (edited) edits.push(edited);
  }
  return [{ text: [ctx.t.undone(decodeLabel(step.label))] }, ...edits];
};
