/**
 * Which nudge an answer belongs to, and the nudge drawn again with its
 * answers, to be edited in place where the platform allows.
 */
import { nextDueOn } from '../core/cadence.ts';
import type { EntryState } from '../core/nudge-choice.ts';
import type { EntryStates } from '../core/nudge-model.ts';
import { getContacts } from '../store/contacts.ts';
import { latestOpenNudge, nudgeById, nudgeByMessage, type StoredNudge } from '../store/nudges.ts';
import type { Ctx } from './context.ts';
import { renderNudge } from '../nudge/render.ts';
import type { Reply } from '../port.ts';

/** A bare "done" refers to a nudge of the last few days, not to last month's. */
const ANSWER_WINDOW_MS = 3 * 86_400_000;

export function answerWindowStart(ctx: Ctx): string {
  return new Date(ctx.now.getTime() - ANSWER_WINDOW_MS).toISOString();
}

/** The nudge a message answers: the one replied to or pressed under, else the newest one still open. */
export async function targetNudge(ctx: Ctx): Promise<StoredNudge | undefined> {
  const replyTo = ctx.incoming.replyToMessageId;
  if (replyTo !== undefined) {
    const nudge = await nudgeByMessage(ctx.db, ctx.user.id, replyTo);
    if (nudge) return nudge;
  }
  return latestOpenNudge(ctx.db, ctx.user.id, answerWindowStart(ctx));
}

/** How each answered person was answered, with what it means now (next due, back on …). */
async function statesOf(ctx: Ctx, nudge: StoredNudge): Promise<EntryStates> {
  const answered = nudge.entries.filter((e) => e.state !== 'open');
  const contacts = new Map((await getContacts(ctx.db, ctx.user.id, answered.map((e) => e.contactId))).map((c) => [c.id, c]));
  const states = new Map<number, { state: EntryState; detail?: string }>();
  for (const entry of answered) {
    const contact = contacts.get(entry.contactId);
    let detail: string | undefined;
    if (entry.state === 'done' && contact) {
      const due = contact.followUp?.due ?? nextDueOn(contact, ctx.user.cadences);
      detail = due ? ctx.t.nextStepDetail(due, ctx.today) : undefined;
    }
    if ((entry.state === 'snoozed' || entry.state === 'attempt') && contact?.snoozedUntil) detail = ctx.t.snoozedUntilDetail(contact.snoozedUntil, ctx.today);
    states.set(entry.contactId, detail ? { state: entry.state, detail } : { state: entry.state });
  }
  return states;
}

/**
 * The nudge as it looks after the answers, replacing the sent message — or
 * nothing when the message id is unknown (a /today list in the chat history).
 */
export async function editedNudge(ctx: Ctx, nudgeId: number): Promise<Reply | undefined> {
  const nudge = await nudgeById(ctx.db, ctx.user.id, nudgeId);
  if (!nudge || nudge.messageId === null) return undefined;
  const reply = renderNudge(nudge.model, await statesOf(ctx, nudge), ctx.t, ctx.today, nudge.id);
  return { ...reply, editMessageId: nudge.messageId };
}

/** True when the user pressed a button under this very nudge message. */
export function pressedUnder(ctx: Ctx, nudge: StoredNudge | undefined): boolean {
  return ctx.incoming.action !== undefined && nudge?.messageId != null && ctx.incoming.replyToMessageId === nudge.messageId;
}
