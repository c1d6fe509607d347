/**
 * Answers about a person — done, no answer, skip, snooze — typed, replied to
 * a nudge, or pressed as a button. A bare answer applies to the open people
 * of the nudge it answers (with two open it asks which, or takes "done both");
 * the nudge is then drawn again to show what was logged.
 */
import type { Command } from '../../commands/command.ts';
import { addDays } from '../../core/dates.ts';
import { matchContacts } from '../../core/names.ts';
import type { EntryState } from '../../core/nudge-choice.ts';
import { getContact, getContacts, type Contact } from '../../store/contacts.ts';
import { answerEntry, nudgeById, openEntryFor, type StoredNudge } from '../../store/nudges.ts';
import { encodeAction, type Action } from '../../commands/actions.ts';
import type { Ctx, Handler } from '../context.ts';
import { answerWindowStart, editedNudge, pressedUnder, targetNudge } from '../nudge-state.ts';
import type { Button, Reply } from '../../port.ts';
import { resolveContact } from '../resolve.ts';
import { attemptContact, skipContact, snoozeContact, touchContact } from './touches.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;
export type Answer = Of<'done'> | Of<'noanswer'> | Of<'skip'> | Of<'snooze'>;

const STATE: Record<Answer['intent'], EntryState> = { done: 'done', noanswer: 'attempt', skip: 'skipped', snooze: 'snoozed' };

/** Applies one answer to one contact, without any nudge. */
function applyAnswer(ctx: Ctx, command: Answer, contact: Contact): Promise<Reply[]> {
  switch (command.intent) {
    case 'done':
      return touchContact(ctx, contact, ctx.today, 'other', command.note ?? null);
    case 'noanswer':
      return attemptContact(ctx, contact, command.note ?? null);
    case 'skip':
      return skipContact(ctx, contact);
    case 'snooze':
      return snoozeContact(ctx, contact, command.until);
  }
}

/**
 * Applies an answer to a contact and records it on the nudge that named them
 * (the given one, else the newest with them open). Pressed under the nudge,
 * the edited nudge is the whole answer; typed, the confirmation comes first.
 */
async function answerFor(ctx: Ctx, command: Answer, contact: Contact, nudge?: StoredNudge): Promise<Reply[]> {
  const holder = nudge?.entries.some((e) => e.contactId === contact.id && e.state === 'open')
    ? nudge
    : await openEntryFor(ctx.db, ctx.user.id, contact.id, answerWindowStart(ctx));
  const confirmation = await applyAnswer(ctx, command, contact);
  if (!holder) return confirmation;
  await answerEntry(ctx.db, holder.id, contact.id, STATE[command.intent], ctx.now.toISOString());
  const edited = await editedNudge(ctx, holder.id);
  if (!edited) return confirmation;
  return pressedUnder(ctx, holder) ? [edited] : [...confirmation, edited];
}

/** Applies the same answer to several people of one nudge. */
async function answerMany(ctx: Ctx, command: Answer, nudge: StoredNudge, contactIds: number[]): Promise<Reply[]> {
  const contacts = await getContacts(ctx.db, ctx.user.id, contactIds);
  const confirmations: Reply[] = [];
  for (const contact of contacts) {
    confirmations.push(...(await applyAnswer(ctx, command, contact)));
    await answerEntry(ctx.db, nudge.id, contact.id, STATE[command.intent], ctx.now.toISOString());
  }
  const edited = await editedNudge(ctx, nudge.id);
  if (!edited) return confirmations;
  return pressedUnder(ctx, nudge) ? [edited] : [...confirmations, edited];
}

/** The people of a nudge an answer can still apply to: open calls and follow-ups, not the questions. */
function answerable(nudge: StoredNudge): number[] {
  return nudge.model.entries
    .filter((v) => v.reason !== 'ignored' && v.stage !== 'tier')
    .filter((v) => nudge.entries.some((e) => e.contactId === v.contactId && e.state === 'open'))
    .map((v) => v.contactId);
}

function buttonFor(command: Answer, contactId: number): Action {
  if (command.intent === 'snooze') return { kind: 'snooze', contactId, days: 3 };
  return { kind: command.intent, contactId };
}

export const answer: Handler<Answer> = async (ctx, command, resolved) => {
  const nudge = await targetNudge(ctx);
  if (resolved.name !== undefined) {
    const contact = await getContact(ctx.db, ctx.user.id, resolved.name);
    return contact ? answerFor(ctx, command, contact, nudge) : [{ text: [ctx.t.contactGone()] }];
  }
  const open = nudge ? answerable(nudge) : [];

  if (command.name !== undefined) {
    // A name of the nudge first ("done Anna" while Anna is open), then the whole network.
    if (nudge && open.length > 0) {
      const views = nudge.model.entries.filter((v) => open.includes(v.contactId)).map((v) => ({ id: v.contactId, name: v.name }));
      const match = matchContacts(command.name, views);
      if (match.kind === 'one') {
        const contact = await getContact(ctx.db, ctx.user.id, match.id);
        if (contact) return answerFor(ctx, command, contact, nudge);
      }
    }
    const found = await resolveContact(ctx, command, 'name', resolved);
    if ('replies' in found) return found.replies;
    return answerFor(ctx, command, found.contact, nudge);
  }

  if (!nudge || open.length === 0) return [{ text: [ctx.t.answerWho(command.intent)] }];
  if (open.length === 1 || (command.intent === 'done' && command.both)) return answerMany(ctx, command, nudge, open);

  // Several open and no name: ask, with a button each and one for all.
  const names = nudge.model.entries.filter((v) => open.includes(v.contactId));
  const buttons: Button[][] = [
    names.map((v) => ({ label: v.name, action: encodeAction(buttonFor(command, v.contactId)) })),
  ];
  if (command.intent !== 'snooze') {
    buttons.push([{ label: open.length === 2 ? ctx.t.bothButton() : ctx.t.allButton(open.length), action: encodeAction({ kind: 'all', nudgeId: nudge.id, answer: command.intent }) }]);
  }
  return [{ text: [ctx.t.whichOpen(names.map((v) => v.name))], buttons }];
};

/** The "Both" / "All" button under "which one?". */
export async function answerAll(ctx: Ctx, nudgeId: number, intent: 'done' | 'skip' | 'noanswer'): Promise<Reply[]> {
  const nudge = await nudgeById(ctx.db, ctx.user.id, nudgeId);
  if (!nudge) return [{ text: [ctx.t.questionExpired()] }];
  const open = answerable(nudge);
  if (open.length === 0) return [{ text: [ctx.t.questionExpired()] }];
  return answerMany(ctx, { intent }, nudge, open);
}

/** "All N from Verbandstagung followed up": every open follow-up met at the same place. */
export async function groupDone(ctx: Ctx, nudgeId: number, contactId: number): Promise<Reply[]> {
  const nudge = await nudgeById(ctx.db, ctx.user.id, nudgeId);
  const place = nudge?.model.entries.find((v) => v.contactId === contactId)?.place;
  if (!nudge || !place) return [{ text: [ctx.t.questionExpired()] }];
  const open = answerable(nudge);
  const group = nudge.model.entries.filter((v) => v.reason === 'followup' && v.place === place && open.includes(v.contactId));
  if (group.length === 0) return [{ text: [ctx.t.questionExpired()] }];
  const replies = await answerMany(ctx, { intent: 'done' }, nudge, group.map((v) => v.contactId));
  return pressedUnder(ctx, nudge) ? replies : [{ text: [ctx.t.groupDone(group.length, place)] }, ...replies.filter((r) => r.editMessageId !== undefined)];
}

/** Marks a question of a nudge (tier, ignored) as answered and draws the nudge again. */
export async function settleQuestion(ctx: Ctx, contactId: number, replies: Reply[]): Promise<Reply[]> {
  const nudge = await openEntryFor(ctx.db, ctx.user.id, contactId, answerWindowStart(ctx));
  if (!nudge) return replies;
  await answerEntry(ctx.db, nudge.id, contactId, 'done', ctx.now.toISOString());
  const edited = await editedNudge(ctx, nudge.id);
  if (!edited) return replies;
  return pressedUnder(ctx, nudge) ? [edited] : [...replies, edited];
}

/** A contact-scoped answer button (done / no answer / skip / snooze N days), under a nudge or anywhere. */
export async function answerButton(ctx: Ctx, action: Extract<Action, { kind: 'done' | 'noanswer' | 'skip' | 'snooze' }>, contact: Contact): Promise<Reply[]> {
  const command: Answer =
    action.kind === 'snooze' ? { intent: 'snooze', until: addDays(ctx.today, action.days) } : { intent: action.kind };
  return answerFor(ctx, command, contact, await targetNudge(ctx));
}
