/**
 * Which nudge an answer belongs to, and the nudge drawn again with its
 * answers, to be edited in place where the platform allows.
 */
import type { EntryStates } from '../core/nudge-model.ts';
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

/** How each answered person was answered: the state and the mark kept with it when they were answered. */
function statesOf(nudge: StoredNudge): EntryStates {
  const states = new Map<number, { state: (typeof nudge.entries)[number]['state']; detail?: NonNullable<(typeof nudge.entries)[number]['detail']> }>();
  for (const entry of nudge.entries) {
    if (entry.state === 'open') continue;
    states.set(entry.contactId, entry.detail ? { state: entry.state, detail: entry.detail } : { state: entry.state });
  }
  return states;
}

/**
 * The nudge as it looks after the answers, replacing the sent message — or
 * nothing when the message id is unknown (a /today list nobody pressed under yet).
 */
export async function editedNudge(ctx: Ctx, nudgeId: number): Promise<Reply | undefined> {
  const nudge = await nudgeById(ctx.db, ctx.user.id, nudgeId);
  if (!nudge || nudge.messageId === null) return undefined;
  const reply = renderNudge(nudge.model, statesOf(nudge), ctx.t, ctx.today, nudge.id);
  return { ...reply, editMessageId: nudge.messageId };
}

/** True when the user pressed a button under this very nudge message. */
export function pressedUnder(ctx: Ctx, nudge: StoredNudge | undefined): boolean {
  return ctx.incoming.action !== undefined && nudge?.messageId != null && ctx.incoming.replyToMessageId === nudge.messageId;
}
