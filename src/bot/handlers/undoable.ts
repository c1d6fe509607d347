/**
 * Every change a handler makes is one undoable step of the user's data. A
 * message that changes several things (two people called, a contact added
 * while logging a touch) runs them all in one change: one transaction, one
 * undo step — and when it ends in a question instead, nothing of it stays.
 */
import type { Change } from '../../store/change.ts';
import { withChange } from '../../store/change.ts';
import { setPending } from '../../store/pending.ts';
import { encodeLabel, type UndoLabel } from '../../store/undo-label.ts';
import type { Ctx } from '../context.ts';
import type { Reply } from '../../port.ts';

/** Runs a change of the current user's data as one undoable step; inside a running change, as part of it. */
export function change<T>(ctx: Ctx, label: UndoLabel | null, work: (change: Change) => Promise<T>): Promise<T> {
  const current = ctx.current;
  if (current) {
    // The first handler that names its step names the whole message's.
    if (current.label === null && label !== null) current.label = encodeLabel(label);
    return work(current);
  }
  return withChange(ctx.db, ctx.user, ctx.now, label && encodeLabel(label), work);
}

/** The context of a handler running inside `change`: reads and writes go through its transaction. */
export function within(ctx: Ctx, current: Change): Ctx {
  return { ...ctx, db: current.tx, current };
}

class Asked extends Error {
  constructor(readonly replies: Reply[]) {
    super('a question was asked');
  }
}

/**
 * Runs a whole message as one change. When it ends by asking a question
 * ("which Anna?", "add Xaver?"), everything it did is rolled back and only
 * the question stays: nothing is applied until the answer.
 */
export async function allOrNothing(ctx: Ctx, label: UndoLabel | null, work: (ctx: Ctx) => Promise<Reply[]>): Promise<Reply[]> {
  if (ctx.current) return work(ctx);
  const deferred: NonNullable<Ctx['deferred']> = { added: [] };
  try {
    return await withChange(ctx.db, ctx.user, ctx.now, label && encodeLabel(label), async (current) => {
      const replies = await work({ ...within(ctx, current), deferred });
      if (deferred.question) throw new Asked(replies);
      // Contacts the user agreed to add on the way are named first ("Added Bob — tier B").
      const added = (deferred.added ?? []).map((name): Reply => ({ text: [ctx.t.added({ name, tier: 'B', lastTalked: undefined, today: ctx.today })] }));
      return [...added, ...replies];
    });
  } catch (error) {
    if (!(error instanceof Asked)) throw error;
    const question = deferred.question;
    if (question) await setPending(ctx.db, ctx.user.id, question.kind, question.payload, ctx.now, question.token);
    return error.replies;
  }
}
