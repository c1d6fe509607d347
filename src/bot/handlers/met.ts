/**
 * /met and /add: new people in the network. A name the network already knows
 * (in any spelling: "Juergen Mueller" is Jürgen Müller) is asked about first —
 * the same person, or someone new? /met of several people at one event asks
 * about each known name in turn and then saves them all in one change.
 */
import type { Command } from '../../commands/command.ts';
import { noteHook } from '../../commands/note-hook.ts';
import { hasFollowUpTrack, startFollowUp } from '../../core/follow-up.ts';
import { DUNBAR_LIMIT } from '../../core/method.ts';
import { matchContacts } from '../../core/names.ts';
import type { Tier } from '../../core/types.ts';
import { insertNote, insertTouch } from '../../store/activity.ts';
import { contactNames, countCloseContacts, createContact, getContact, getContacts, updateContact, type Contact } from '../../store/contacts.ts';
import { encodeLabel } from '../../store/undo-label.ts';
import { encodeAction } from '../../commands/actions.ts';
import type { Ctx, Handler, Resolved } from '../context.ts';
import type { Button, Line, Reply } from '../../port.ts';
import { ask, type Slot } from '../questions.ts';
import { namesOf, storedName } from '../people.ts';
import { combined } from './touches.ts';
import { change, within } from './undoable.ts';
import { logTouch } from './log-touch.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

function tierButtons(contactId: number): Button[][] {
  return [(['A', 'B', 'C', 'D'] as Tier[]).map((tier) => ({ label: tier, action: encodeAction({ kind: 'tier', contactId, tier }) }))];
}

export async function dunbarLines(ctx: Ctx): Promise<Line[]> {
  const close = await countCloseContacts(ctx.db, ctx.user.id);
  return close > DUNBAR_LIMIT ? [ctx.t.dunbarWarning(close, DUNBAR_LIMIT)] : [];
}

/** The contacts a new name may be: any that fit it, in any spelling. */
async function knownAs(ctx: Ctx, name: string): Promise<Contact[]> {
  const known = matchContacts(storedName(name).name || name, await contactNames(ctx.db, ctx.user.id));
  if (known.kind === 'none') return [];
  return (await getContacts(ctx.db, ctx.user.id, known.kind === 'one' ? [known.id] : known.ids)).slice(0, 6);
}

/** "You already have Thomas Becker — is Thomas Becker the same person?" */
async function askSame(ctx: Ctx, command: Of<'met'> | Of<'add'>, name: string, existing: Contact[], slot: Slot | undefined, resolved: Resolved): Promise<Reply[]> {
  const { t } = ctx;
  const token = await ask(ctx, { kind: 'same', payload: { command, ...(slot !== undefined && { slot }), resolved, existing: existing.map((c) => c.id) } });
  const buttons: Button[][] = existing.map((c) => [{ label: t.sameButton(c), action: encodeAction({ kind: 'same', token, contactId: c.id }) }]);
  buttons.push([{ label: t.newContactButton(storedName(name).name || name), action: encodeAction({ kind: 'new', token }), style: 'primary' }]);
  return [{ text: [t.samePerson(name, existing)], buttons }];
}

/** /met: new acquaintances — saved with the 48-hour follow-up, or "same person?" when a name is known. */
export const met: Handler<Of<'met'>> = async (ctx, command, resolved) => {
  const names = namesOf(command);
  if (names.length <= 1) return metOne(ctx, command, resolved);
  for (let slot = 0; slot < names.length; slot++) {
    if (resolved.people?.[String(slot)] !== undefined || resolved.fresh?.includes(slot)) continue;
    const existing = await knownAs(ctx, names[slot] ?? '');
    if (existing.length > 0) return askSame(ctx, command, names[slot] ?? '', existing, slot, resolved);
  }
  const replies = await change(ctx, null, async (ch) => {
    const inner = within(ctx, ch);
    const all: Reply[] = [];
    const saved: string[] = [];
    for (let slot = 0; slot < names.length; slot++) {
      const known = resolved.people?.[String(slot)];
      const one: Of<'met'> = { ...command, name: names[slot] ?? '' };
      delete one.names;
      all.push(...(known !== undefined ? await metAgain(inner, one, known) : await saveNew(inner, one, false)));
      saved.push(storedName(one.name).name);
    }
    ch.label = encodeLabel({ key: 'met', name: saved.join(', ') });
    return all;
  });
  return combined(replies);
};

async function metOne(ctx: Ctx, command: Of<'met'>, resolved: Resolved): Promise<Reply[]> {
  if (resolved.name === undefined && !resolved.createNew) {
    const existing = await knownAs(ctx, command.name);
    if (existing.length > 0) return askSame(ctx, command, command.name, existing, undefined, resolved);
  }
  if (resolved.name !== undefined) return metAgain(ctx, command, resolved.name);
  return saveNew(ctx, command, true);
}

/** Saves one new acquaintance, with the follow-up track for tiers A–C (working days only). */
async function saveNew(ctx: Ctx, command: Of<'met'>, withTierButtons: boolean): Promise<Reply[]> {
  const { t } = ctx;
  const { name, salutation } = storedName(command.name);
  if (name === '') return [{ text: t.parseError({ error: 'missing_name', intent: 'met', params: {} }) }];
  const tier = command.tier ?? 'B';
  // A D contact (no potential) gets no follow-up, and none is promised.
  const followUp = hasFollowUpTrack(tier) ? startFollowUp(command.date, ctx.workdays) : null;
  const contactId = await change(ctx, { key: 'met', name }, async (ch) => {
    const id = await createContact(ch, {
      name,
      salutation,
      tier,
      source: 'met',
      place: command.place ?? null,
      metOn: command.date,
      tags: command.tags,
      followUp,
      lastTouchOn: command.date,
      createdOn: ctx.today,
    });
    await insertTouch(ch, id, command.date, 'met', command.place ?? null);
    if (command.note) await insertNote(ch, id, command.note, noteHook(command.note, ctx.today));
    return id;
  });
  const saved: Reply = {
    text: [
      t.metSaved({ name, tier, place: command.place, date: command.date, today: ctx.today, tags: command.tags }),
      ...(followUp ? [t.followUpPlanned(followUp.due, ctx.today)] : []),
      ...(command.note ? [t.noteKept(command.note)] : []),
      ...(command.tier || !withTierButtons ? [] : [t.askTier()]),
      ...(await dunbarLines(ctx)),
    ],
  };
  if (!command.tier && withTierButtons) saved.buttons = tierButtons(contactId);
  return [saved];
}

/** /met of someone already in the network: a meeting with them, not a new contact. */
async function metAgain(ctx: Ctx, command: Of<'met'>, contactId: number): Promise<Reply[]> {
  const contact = await getContact(ctx.db, ctx.user.id, contactId);
  if (!contact) return [{ text: [ctx.t.contactGone()] }];
  await change(ctx, { key: 'touch', name: contact.name }, async (ch) => {
    await logTouch(ch, contact, command.date, 'meeting', command.place ?? null, ctx.workdays);
    const patch: Parameters<typeof updateContact>[2] = {};
    if (command.place && !contact.place) patch.place = command.place;
    if (command.tags.length > 0) patch.tags = [...new Set([...contact.tags, ...command.tags])];
    if (command.tier && command.tier !== contact.tier) patch.tier = command.tier;
    if (contact.status === 'archived') patch.status = 'active';
    await updateContact(ch, contact.id, patch);
    if (command.note) await insertNote(ch, contact.id, command.note, noteHook(command.note, ctx.today));
  });
  return [{ text: [ctx.t.metAgain(contact.name, command.date, ctx.today)] }];
}

/** /add: someone already known, no follow-up; "last talked" sets the cadence clock. A known name asks first. */
export const add: Handler<Of<'add'>> = async (ctx, command, resolved) => {
  const { t } = ctx;
  if (resolved.name === undefined && !resolved.createNew) {
    const existing = await knownAs(ctx, command.name);
    if (existing.length > 0) return askSame(ctx, command, command.name, existing, undefined, resolved);
  }
  if (resolved.name !== undefined) return addToKnown(ctx, command, resolved.name);
  const { name, salutation } = storedName(command.name);
  if (name === '') return [{ text: t.parseError({ error: 'missing_name', intent: 'add', params: {} }) }];
  const tier = command.tier ?? 'B';
  await change(ctx, { key: 'add', name }, async (ch) => {
    const id = await createContact(ch, {
      name,
      salutation,
      tier,
      source: 'add',
      place: command.place ?? null,
      tags: command.tags,
      lastTouchOn: command.date ?? null,
      createdOn: ctx.today,
    });
    if (command.date) await insertTouch(ch, id, command.date, 'other', null);
    if (command.note) await insertNote(ch, id, command.note, noteHook(command.note, ctx.today));
  });
  return [
    {
      text: [
        t.added({ name, tier, lastTalked: command.date, today: ctx.today }),
        ...(command.note ? [t.noteKept(command.note)] : []),
        ...(await dunbarLines(ctx)),
      ],
    },
  ];
};

/** /add of someone the network has: what the message says is added to them (tier, last talked, place, tags, note). */
async function addToKnown(ctx: Ctx, command: Of<'add'>, contactId: number): Promise<Reply[]> {
  const contact = await getContact(ctx.db, ctx.user.id, contactId);
  if (!contact) return [{ text: [ctx.t.contactGone()] }];
  await change(ctx, { key: 'add', name: contact.name }, async (ch) => {
    if (command.date) await logTouch(ch, contact, command.date, 'other', null, ctx.workdays);
    const patch: Parameters<typeof updateContact>[2] = {};
    if (command.tier && command.tier !== contact.tier) patch.tier = command.tier;
    if (command.place && !contact.place) patch.place = command.place;
    if (command.tags.length > 0) patch.tags = [...new Set([...contact.tags, ...command.tags])];
    await updateContact(ch, contact.id, patch);
    if (command.note) await insertNote(ch, contact.id, command.note, noteHook(command.note, ctx.today));
  });
  return [{ text: [ctx.t.addedToKnown(contact.name, command.tier, command.date, ctx.today)] }];
}
