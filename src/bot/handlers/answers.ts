/**
 * Answers about a person — done, no answer, skip, snooze — typed, replied to
 * a nudge, or pressed as a button; for one person or several ("ole und mo
 * erledigt"). A bare answer applies to the open people of the nudge it
 * answers (with two open it asks which, or takes "done both"); the nudge is
 * then drawn again to show what was logged.
 */
import type { Command } from '../../commands/command.ts';
import { addDays, daysBetween } from '../../core/dates.ts';
import { matchContacts } from '../../core/names.ts';
import type { EntryState } from '../../core/nudge-choice.ts';
import { getContact, getContacts, type Contact } from '../../store/contacts.ts';
import { answerEntry, nudgeById, openEntryFor, type StoredNudge } from '../../store/nudges.ts';
import { encodeAction, type Action } from '../../commands/actions.ts';
import type { Ctx, Handler, Resolved } from '../context.ts';
import { answerWindowStart, editedNudge, pressedUnder, targetNudge } from '../nudge-state.ts';
import type { Button, Reply } from '../../port.ts';
import { matchName, question } from '../resolve.ts';
import { contactsOf, joinedNames, namesOf, type Person } from '../people.ts';
import { attemptContact, combined, refined, skipContact, snoozeContact, touchContact } from './touches.ts';
import { change, within } from './undoable.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;
export type Answer = Of<'done'> | Of<'noanswer'> | Of<'skip'> | Of<'snooze'>;

const STATE: Record<Answer['intent'], EntryState> = { done: 'done', noanswer: 'attempt', skip: 'skipped', snooze: 'snoozed' };
const UNDO_KEY = { done: 'touch', noanswer: 'attempt', skip: 'skip', snooze: 'snooze' } as const;

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

/** The same answer for several contacts, in one change (one undo step). */
async function answerAllOf(ctx: Ctx, command: Answer, contacts: Contact[], nudge: StoredNudge | undefined): Promise<Reply[]> {
  if (contacts.length === 1 && contacts[0]) return answerFor(ctx, command, contacts[0], nudge);
  const replies = await change(ctx, { key: UNDO_KEY[command.intent], name: joinedNames(contacts) }, async (ch) => {
    const inner = within(ctx, ch);
    const all: Reply[] = [];
    for (const contact of contacts) all.push(...(await answerFor(inner, command, contact, nudge)));
    return all;
  });
  return combined(replies);
}

/** Applies the same answer to several people of one nudge. */
async function answerMany(ctx: Ctx, command: Answer, nudge: StoredNudge, contactIds: number[]): Promise<Reply[]> {
  const contacts = await getContacts(ctx.db, ctx.user.id, contactIds);
  const replies = await change(ctx, { key: UNDO_KEY[command.intent], name: joinedNames(contacts) }, async (ch) => {
    const inner = within(ctx, ch);
    const confirmations: Reply[] = [];
    for (const contact of contacts) {
      confirmations.push(...(await applyAnswer(inner, command, contact)));
      await answerEntry(inner.db, nudge.id, contact.id, STATE[command.intent], ctx.now.toISOString());
    }
    return confirmations;
  });
  const edited = await editedNudge(ctx, nudge.id);
  if (!edited) return combined(replies);
  return pressedUnder(ctx, nudge) ? [edited] : [...combined(replies), edited];
}

/** The people of a nudge an answer can still apply to: open calls and follow-ups, not the questions. */
function answerable(nudge: StoredNudge): number[] {
  return nudge.model.entries
    .filter((v) => v.reason !== 'ignored' && v.stage !== 'tier')
    .filter((v) => nudge.entries.some((e) => e.contactId === v.contactId && e.state === 'open'))
    .map((v) => v.contactId);
}

function buttonFor(ctx: Ctx, command: Answer, contactId: number): Action {
  if (command.intent === 'snooze') return { kind: 'snooze', contactId, days: Math.max(1, Math.min(365, daysBetween(ctx.today, command.until))) };
  return { kind: command.intent, contactId };
}

/**
 * Each named person of an answer: first among the open people of the nudge
 * ("done Anna" while Anna is open), then in the whole network — or the
 * question about the first who is neither.
 */
async function answerPeople(ctx: Ctx, command: Answer, resolved: Resolved, nudge: StoredNudge | undefined, open: number[]): Promise<{ contacts: Contact[] } | { replies: Reply[] }> {
  const views = nudge ? nudge.model.entries.filter((v) => open.includes(v.contactId)).map((v) => ({ id: v.contactId, name: v.name })) : [];
  const names = namesOf(command);
  const people: Person[] = [];
  for (let slot = 0; slot < names.length; slot++) {
    const chosen = slot === 0 && names.length === 1 ? (resolved.name ?? resolved.people?.['0']) : resolved.people?.[String(slot)];
    const adding = resolved.adds?.[String(slot)] ?? (names.length === 1 ? resolved.adds?.['name'] : undefined);
    const name = names[slot] ?? '';
    let id = chosen;
    if (id === undefined && adding === undefined && views.length > 0) {
      const inNudge = matchContacts(name, views);
      if (inNudge.kind === 'one') id = inNudge.id;
    }
    if (id === undefined && adding === undefined) {
      const match = await matchName(ctx, name);
      if (match.kind !== 'one') return { replies: await question(ctx, command, slot, resolved, name, match) };
      id = match.id;
    }
    if (adding !== undefined) {
      people.push({ add: adding });
      continue;
    }
    const contact = id === undefined ? undefined : await getContact(ctx.db, ctx.user.id, id);
    if (!contact) return { replies: [{ text: [ctx.t.contactGone()] }] };
    if (!people.some((p) => 'contact' in p && p.contact.id === contact.id)) people.push({ contact });
  }
  if (people.every((p) => 'contact' in p)) return { contacts: people.map((p) => (p as { contact: Contact }).contact) };
  // Someone to add first: all of it in one change.
  return { contacts: await change(ctx, null, (ch) => contactsOf(within(ctx, ch), people)) };
}

export const answer: Handler<Answer> = async (ctx, typed, resolved) => {
  const command = typed.intent === 'done' || typed.intent === 'noanswer' ? await refined(ctx, typed as Answer & { name: string }) : typed;
  const nudge = await targetNudge(ctx);
  const open = nudge ? answerable(nudge) : [];

  if (command.name !== undefined) {
    const found = await answerPeople(ctx, command, resolved, nudge, open);
    if ('replies' in found) return found.replies;
    return answerAllOf(ctx, command, found.contacts, nudge);
  }

  if (!nudge || open.length === 0) return [{ text: [ctx.t.answerWho(command.intent)] }];
  const all = (command.intent === 'done' || command.intent === 'snooze') && command.both === true;
  if (open.length === 1 || all) return answerMany(ctx, command, nudge, open);

  // Several open and no name: ask, with a button each and one for all.
  const names = nudge.model.entries.filter((v) => open.includes(v.contactId));
  const buttons: Button[][] = [
    names.map((v) => ({ label: v.name, action: encodeAction(buttonFor(ctx, command, v.contactId)) })),
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

/** The people a nudge asks about after three unanswered picks ("keep, move to C, or archive?"), still open. */
export async function openIgnoredQuestions(ctx: Ctx): Promise<{ nudge: StoredNudge; contactIds: number[] } | undefined> {
  const nudge = await targetNudge(ctx);
  if (!nudge) return undefined;
  const contactIds = nudge.model.entries
    .filter((v) => v.reason === 'ignored' && nudge.entries.some((e) => e.contactId === v.contactId && e.state === 'open'))
    .map((v) => v.contactId);
  return contactIds.length > 0 ? { nudge, contactIds } : undefined;
}
