/**
 * Answers about a person — done, no answer, skip, snooze — typed, replied to
 * a nudge, or pressed as a button; and the answers to the nudge's questions
 * (tier, keep/C/archive, still follow up?) — for one person or several
 * ("ole und mo erledigt", all of them one change, one undo step). A bare
 * answer applies to the open people of the nudge it answers (with two open it asks which, or takes "done
 * both"); the nudge is then drawn again to show what was logged, one mark per
 * person. A button names the nudge or /today list it is under: its answer
 * marks that list and edits it in place, and a second press changes nothing.
 */
import type { Command } from '../../commands/command.ts';
import { topicWithout } from '../../commands/name-note.ts';
import { addDays, daysBetween } from '../../core/dates.ts';
import { matchContacts } from '../../core/names.ts';
import type { NudgeEntryView } from '../../core/nudge-model.ts';
import type { TouchKind } from '../../core/types.ts';
import { getContact, getContacts, updateContact, type Contact } from '../../store/contacts.ts';
import { adoptMessage, nudgeById, nudgesAnsweredAt, openEntryFor, type StoredNudge } from '../../store/nudges.ts';
import { encodeAction, type Action } from '../../commands/actions.ts';
import type { Ctx, Handler, Resolved } from '../context.ts';
import { encodeLabel } from '../../store/undo-label.ts';
import { markEntry, type EntryRef } from '../entries.ts';
import { answerWindowStart, editedNudge, pressedUnder, targetNudge } from '../nudge-state.ts';
import type { Button, Reply } from '../../port.ts';
import { matchName, question } from '../resolve.ts';
import { contactsOf, joinedNames, namesOf, resolvePeople, type Person } from '../people.ts';
import { attemptContact, combined, refined, skipContact, snoozeContact, touchContact, type AnswerReplies } from './touches.ts';
import { change, within } from './undoable.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;
export type Answer = Of<'done'> | Of<'noanswer'> | Of<'skip'> | Of<'snooze'>;

/** The undo step of an answer about several people. */
const UNDO_KEY = { done: 'touch', noanswer: 'attempt', skip: 'skip', snooze: 'snooze' } as const;

/** Applies one answer to one contact, marking its entry when there is one. */
function applyAnswer(ctx: Ctx, command: Answer, contact: Contact, entry: EntryRef | undefined): Promise<AnswerReplies> {
  switch (command.intent) {
    case 'done':
      return touchContact(ctx, contact, ctx.today, 'other', command.note ?? null, entry, { answersReminder: true });
    case 'noanswer':
      return attemptContact(ctx, contact, command.note ?? null, entry);
    case 'skip':
      return skipContact(ctx, contact, entry);
    case 'snooze':
      return snoozeContact(ctx, contact, command.until, entry);
  }
}

const viewOf = (nudge: StoredNudge, contactId: number): NudgeEntryView | undefined => nudge.model.entries.find((v) => v.contactId === contactId);
const isQuestion = (v: NudgeEntryView): boolean => v.reason === 'ignored' || (v.reason === 'followup' && v.stage === 'tier');

/**
 * The contact's entry in `nudge` that an answer about them settles: still
 * open (or unanswered yesterday), not a question. The same person open in
 * the other nudges and lists of the last days gets the same mark.
 */
function answerableEntry(ctx: Ctx, nudge: StoredNudge | undefined, contactId: number): EntryRef | undefined {
  if (!nudge) return undefined;
  const entry = nudge.entries.find((e) => e.contactId === contactId && (e.state === 'open' || e.state === 'ignored'));
  const view = viewOf(nudge, contactId);
  if (!entry || !view || isQuestion(view)) return undefined;
  return { nudgeId: nudge.id, contactId, reason: view.reason, alsoSince: answerWindowStart(ctx) };
}

/**
 * After an answer: pressed under the message, the edited message is the
 * answer; typed, the confirmation comes first. Every other message that
 * named the answered people (the morning nudge, when answered in a /today
 * list) is redrawn too.
 */
async function withEdited(ctx: Ctx, holder: StoredNudge | undefined, replies: AnswerReplies, contactIds: number[] = []): Promise<Reply[]> {
  const others = new Set<number>();
  for (const contactId of contactIds) for (const id of await nudgesAnsweredAt(ctx.db, ctx.user.id, contactId, ctx.now.toISOString())) others.add(id);
  if (holder) others.delete(holder.id);
  const otherEdits: Reply[] = [];
  for (const id of others) {
    const edited = await editedNudge(ctx, id);
    if (edited) otherEdits.push(edited);
  }
  const edited = holder ? await editedNudge(ctx, holder.id) : undefined;
  if (!holder || !edited) return [...replies.confirmation, ...otherEdits, ...replies.questions];
  return pressedUnder(ctx, holder) ? [edited, ...otherEdits, ...replies.questions] : [...replies.confirmation, edited, ...otherEdits, ...replies.questions];
}

/**
 * Applies an answer to a contact and records it on the nudge that named them
 * (the given one, else the newest with them open).
 */
async function answerFor(ctx: Ctx, command: Answer, contact: Contact, nudge?: StoredNudge): Promise<Reply[]> {
  const holder = answerableEntry(ctx, nudge, contact.id) ? nudge : await openEntryFor(ctx.db, ctx.user.id, contact.id, answerWindowStart(ctx));
  const entry = answerableEntry(ctx, holder, contact.id);
  return withEdited(ctx, entry ? holder : undefined, await applyAnswer(ctx, command, contact, entry), [contact.id]);
}

/**
 * A touch logged in words ("called Anna"): it settles Anna's open entry in a
 * recent nudge as done — the nudge shows the contact, and its buttons do not
 * offer to log it twice — but as a touch, not an answer, it leaves her
 * reminders open and asks about them.
 */
export async function touchAndSettle(ctx: Ctx, contact: Contact, on: string, kind: TouchKind, note: string | null): Promise<Reply[]> {
  const holder = await openEntryFor(ctx.db, ctx.user.id, contact.id, answerWindowStart(ctx));
  const since = holder?.localDate ?? ctx.today;
  const entry = on >= since ? answerableEntry(ctx, holder, contact.id) : undefined;
  return withEdited(ctx, entry ? holder : undefined, await touchContact(ctx, contact, on, kind, note, entry), [contact.id]);
}

/** "called Tom, Lisa and Omar": each touch settles that person's open entry; all of them one change. */
export const touch: Handler<Of<'touch'>> = async (ctx, typed, resolved) => {
  const command = await refined(ctx, typed);
  const found = await resolvePeople(ctx, command, resolved);
  if ('replies' in found) return found.replies;
  const replies = await change(ctx, null, async (ch) => {
    const inner = within(ctx, ch);
    const contacts = await contactsOf(inner, found.people);
    ch.label ??= encodeLabel({ key: 'touch', name: joinedNames(contacts) });
    const all: Reply[] = [];
    for (const contact of contacts) {
      all.push(...(await touchAndSettle(inner, contact, command.date, command.kind, topicWithout(command.note, contact.name) ?? null)));
    }
    return all;
  });
  return combined(replies);
};

/** The same answer for several named contacts, in one change (one undo step). */
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

/** Applies the same answer to several people of one nudge, in one change (one undo step). */
async function answerMany(ctx: Ctx, command: Answer, nudge: StoredNudge, contactIds: number[]): Promise<Reply[]> {
  const contacts = await getContacts(ctx.db, ctx.user.id, contactIds);
  const all: AnswerReplies = { confirmation: [], questions: [] };
  const apply = async (inner: Ctx): Promise<void> => {
    for (const contact of contacts) {
      const replies = await applyAnswer(inner, command, contact, answerableEntry(inner, nudge, contact.id));
      all.confirmation.push(...replies.confirmation);
      all.questions.push(...replies.questions);
    }
  };
  if (contacts.length === 1) await apply(ctx);
  else await change(ctx, { key: UNDO_KEY[command.intent], name: joinedNames(contacts) }, (ch) => apply(within(ctx, ch)));
  return withEdited(ctx, nudge, { ...all, confirmation: combined(all.confirmation) }, contactIds);
}

/** The people of a nudge an answer can still apply to: open calls and follow-ups, not the questions. */
function answerable(nudge: StoredNudge): number[] {
  return nudge.model.entries
    .filter((v) => !isQuestion(v))
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

  if (resolved.name !== undefined && namesOf(command).length === 0) {
    const contact = await getContact(ctx.db, ctx.user.id, resolved.name);
    return contact ? answerFor(ctx, command, contact, nudge) : [{ text: [ctx.t.contactGone()] }];
  }
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
  await adoptPressedList(ctx, nudge);
  const replies = await answerMany(ctx, { intent: 'done' }, nudge, group.map((v) => v.contactId));
  return pressedUnder(ctx, nudge) ? replies : [{ text: [ctx.t.groupDone(group.length, place)] }, ...replies.filter((r) => r.editMessageId !== undefined)];
}

/**
 * A /today list is sent as a reply, so keepwarm learns its message id only
 * when a button under it is pressed: kept then, so this and later answers
 * edit the list in place, like the nudge.
 */
async function adoptPressedList(ctx: Ctx, nudge: StoredNudge): Promise<void> {
  const pressedOn = ctx.incoming.replyToMessageId;
  if (nudge.messageId !== null || pressedOn === undefined || ctx.incoming.action === undefined) return;
  await adoptMessage(ctx.db, ctx.user.id, nudge.id, pressedOn);
  nudge.messageId = pressedOn;
}

/** A contact-scoped answer button (done / no answer / skip / snooze N days), under a nudge, a /today list, or anywhere. */
export async function answerButton(ctx: Ctx, action: Extract<Action, { kind: 'done' | 'noanswer' | 'skip' | 'snooze' }>, contact: Contact): Promise<Reply[]> {
  const command: Answer =
    action.kind === 'snooze' ? { intent: 'snooze', until: addDays(ctx.today, action.days) } : { intent: action.kind };
  const named = action.nudgeId !== undefined ? await nudgeById(ctx.db, ctx.user.id, action.nudgeId) : undefined;
  if (named) {
    const entry = named.entries.find((e) => e.contactId === contact.id);
    const view = viewOf(named, contact.id);
    // The button's person was answered already (another press, a typed answer): say how, change nothing.
    if (entry && view && entry.state !== 'open' && entry.state !== 'ignored') {
      return [{ text: [ctx.t.alreadyAnswered(view, entry.state, entry.detail ?? undefined, ctx.today)] }];
    }
    await adoptPressedList(ctx, named);
  }
  return answerFor(ctx, command, contact, named ?? (await targetNudge(ctx)));
}

export type QuestionKind = 'tier' | 'ignored' | 'stale';

function asks(view: NudgeEntryView | undefined, kind: QuestionKind): boolean {
  if (!view) return false;
  if (kind === 'tier') return view.reason === 'followup' && view.stage === 'tier';
  return view.reason === kind;
}

/** The nudge whose question about this contact an answer settles: the one pressed under, else the newest with it open. */
async function questionHolder(ctx: Ctx, contactId: number, kind: QuestionKind): Promise<StoredNudge | undefined> {
  for (const nudge of [await targetNudge(ctx), await openEntryFor(ctx.db, ctx.user.id, contactId, answerWindowStart(ctx))]) {
    const entry = nudge?.entries.find((e) => e.contactId === contactId && (e.state === 'open' || e.state === 'ignored'));
    if (nudge && entry && asks(viewOf(nudge, contactId), kind)) return nudge;
  }
  return undefined;
}

/**
 * An answer to one of the nudge's questions about a person: `work` carries it
 * out and marks the entry in the same change; the nudge is drawn again.
 */
export async function answerQuestion(ctx: Ctx, contact: Contact, kind: QuestionKind, work: (entry: EntryRef | undefined) => Promise<Reply[]>): Promise<Reply[]> {
  const holder = await questionHolder(ctx, contact.id, kind);
  const entry = holder ? { nudgeId: holder.id, contactId: contact.id, reason: viewOf(holder, contact.id)!.reason } : undefined;
  const replies = await work(entry);
  return withEdited(ctx, holder, { confirmation: replies, questions: [] });
}

/** The people a nudge asks about after three unanswered picks ("keep, move to C, or archive?"), still open. */
export async function openIgnoredQuestions(ctx: Ctx): Promise<{ nudge: StoredNudge; contactIds: number[] } | undefined> {
  const nudge = await targetNudge(ctx);
  if (!nudge) return undefined;
  const contactIds = nudge.model.entries
    .filter((v) => v.reason === 'ignored' && nudge.entries.some((e) => e.contactId === v.contactId && (e.state === 'open' || e.state === 'ignored')))
    .map((v) => v.contactId);
  return contactIds.length > 0 ? { nudge, contactIds } : undefined;
}

/** "Still follow up with Ole?" — keep (due again today) or drop the follow-up. */
export async function answerStale(ctx: Ctx, contact: Contact, choice: 'keep' | 'drop'): Promise<Reply[]> {
  return answerQuestion(ctx, contact, 'stale', async (entry) => {
    const followUp = contact.followUp;
    await change(ctx, { key: 'answer', name: contact.name }, async (ch) => {
      if (followUp) {
        await updateContact(ch, contact.id, { followUp: choice === 'keep' ? { stage: followUp.stage, due: ctx.today } : null, followUpAskedOn: null });
      }
      await markEntry(ch, entry, choice === 'keep' ? 'kept' : 'dropped', null);
    });
    return [{ text: [choice === 'keep' ? ctx.t.staleKept(contact.name) : ctx.t.staleDropped(contact.name, contact.tier)] }];
  });
}
