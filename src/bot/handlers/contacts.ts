/** Growing and shaping the network: /met, /add, /note, /tier, /every, /archive, /delete, /intro. */
import type { Command } from '../../commands/command.ts';
import { noteHook } from '../../commands/note-hook.ts';
import { hasFollowUpTrack, startFollowUp } from '../../core/follow-up.ts';
import { DUNBAR_LIMIT } from '../../core/method.ts';
import { matchContacts } from '../../core/names.ts';
import type { Tier } from '../../core/types.ts';
import { insertIntroduction, insertNote, insertTouch } from '../../store/activity.ts';
import {
  contactNames,
  countCloseContacts,
  createContact,
  deleteContact,
  getContact,
  getContacts,
  updateContact,
  type Contact,
} from '../../store/contacts.ts';
import { encodeAction } from '../../commands/actions.ts';
import type { Ctx, Handler } from '../context.ts';
import type { Button, Line, Reply } from '../../port.ts';
import { resolveContact } from '../resolve.ts';
import { ask, type PayloadOf } from '../questions.ts';
import { change } from './undoable.ts';
import { logTouch } from './log-touch.ts';
import { markEntry, type EntryRef } from '../entries.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

function tierButtons(contactId: number): Button[][] {
  return [(['A', 'B', 'C', 'D'] as Tier[]).map((tier) => ({ label: tier, action: encodeAction({ kind: 'tier', contactId, tier }) }))];
}

async function dunbarLines(ctx: Ctx): Promise<Line[]> {
  const close = await countCloseContacts(ctx.db, ctx.user.id);
  return close > DUNBAR_LIMIT ? [ctx.t.dunbarWarning(close, DUNBAR_LIMIT)] : [];
}

/** /met: a new acquaintance — saved with the 48-hour follow-up, or "same person?" when the name is known. */
export const met: Handler<Of<'met'>> = async (ctx, command, resolved) => {
  const { db, user, t } = ctx;
  if (resolved.name === undefined && !resolved.createNew) {
    const known = matchContacts(command.name, await contactNames(db, user.id));
    if (known.kind !== 'none') {
      const ids = known.kind === 'one' ? [known.id] : known.ids;
      const existing = (await getContacts(db, user.id, ids)).slice(0, 6);
      const token = await ask(ctx, { kind: 'same', payload: { command } });
      const buttons: Button[][] = existing.map((c) => [
        { label: t.sameButton(c), action: encodeAction({ kind: 'same', token, contactId: c.id }) },
      ]);
      buttons.push([{ label: t.newContactButton(command.name), action: encodeAction({ kind: 'new', token }), style: 'primary' }]);
      return [{ text: [t.samePerson(command.name, existing)], buttons }];
    }
  }
  if (resolved.name !== undefined) return metAgain(ctx, command, resolved.name);

  const tier = command.tier ?? 'B';
  // A D contact (no potential) gets no follow-up, and none is promised.
  const followUp = hasFollowUpTrack(tier) ? startFollowUp(command.date, ctx.workdays) : null;
  const contactId = await change(ctx, { key: 'met', name: command.name }, async (ch) => {
    const id = await createContact(ch, {
      name: command.name,
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
      t.metSaved({ name: command.name, tier, place: command.place, date: command.date, today: ctx.today, tags: command.tags }),
      ...(followUp ? [t.followUpPlanned(followUp.due, ctx.today)] : []),
      ...(command.note ? [t.noteKept(command.note)] : []),
      ...(command.tier ? [] : [t.askTier()]),
      ...(await dunbarLines(ctx)),
    ],
  };
  if (!command.tier) saved.buttons = tierButtons(contactId);
  return [saved];
};

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

/** /add: someone already known, no follow-up; "last talked" sets the cadence clock. */
export const add: Handler<Of<'add'>> = async (ctx, command) => {
  const { t } = ctx;
  const tier = command.tier ?? 'B';
  await change(ctx, { key: 'add', name: command.name }, async (ch) => {
    const id = await createContact(ch, {
      name: command.name,
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
        t.added({ name: command.name, tier, lastTalked: command.date, today: ctx.today }),
        ...(command.note ? [t.noteKept(command.note)] : []),
        ...(await dunbarLines(ctx)),
      ],
    },
  ];
};

export const note: Handler<Of<'note'>> = async (ctx, command, resolved) => {
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  await change(ctx, { key: 'note', name: found.contact.name }, (ch) => insertNote(ch, found.contact.id, command.note, noteHook(command.note, ctx.today)));
  return [{ text: [ctx.t.noteAdded(found.contact.name, command.note)] }];
};

/**
 * Sets a tier; a pending "confirm the tier" step of the follow-up track is
 * answered by it, and so is the nudge's question when `entry` names it.
 */
export async function setTier(ctx: Ctx, contact: Contact, tier: Tier, entry?: EntryRef): Promise<Reply[]> {
  await change(ctx, { key: 'tier', name: contact.name }, async (ch) => {
    await updateContact(ch, contact.id, { tier, ...(contact.followUp?.stage === 'tier' ? { followUp: null } : {}) });
    await markEntry(ch, entry, 'tiered', { tier, tierChanged: tier !== contact.tier });
  });
  return [{ text: [ctx.t.tierSet(contact.name, contact.tier, tier), ...(await dunbarLines(ctx))] }];
}

export const tier: Handler<Of<'tier'>> = async (ctx, command, resolved) => {
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  return setTier(ctx, found.contact, command.tier);
};

export const cadence: Handler<Of<'cadence'>> = async (ctx, command, resolved) => {
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  const { contact } = found;
  await change(ctx, { key: 'cadence', name: contact.name }, (ch) => updateContact(ch, contact.id, { cadenceDays: command.cadenceDays }));
  return [{ text: [ctx.t.cadenceSet({ ...contact, cadenceDays: command.cadenceDays }, ctx.user.cadences, ctx.today)] }];
};

export const archive: Handler<Of<'archive'>> = async (ctx, command, resolved) => {
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  return archiveContact(ctx, found.contact);
};

/** Archives a contact; the nudge's "keep, C or archive?" question is answered by it when `entry` names it. */
export async function archiveContact(ctx: Ctx, contact: Contact, entry?: EntryRef): Promise<Reply[]> {
  if (contact.status === 'archived') return [{ text: [ctx.t.alreadyArchived(contact.name)] }];
  await change(ctx, { key: 'archive', name: contact.name }, async (ch) => {
    await updateContact(ch, contact.id, { status: 'archived' });
    await markEntry(ch, entry, 'archived', null);
  });
  return [{ text: [ctx.t.archived(contact.name)] }];
}

/** "Keep" to the nudge's question about someone named three times without an answer. */
export async function keepContact(ctx: Ctx, contact: Contact, entry?: EntryRef): Promise<Reply[]> {
  if (entry) await change(ctx, { key: 'answer', name: contact.name }, (ch) => markEntry(ch, entry, 'kept', null));
  return [{ text: [ctx.t.keptAsIs(contact.name)] }];
}

/** /delete asks first; the answer runs `confirmDelete`. */
export const remove: Handler<Of<'delete'>> = async (ctx, command, resolved) => {
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  const { contact } = found;
  const token = await ask(ctx, { kind: 'delete', payload: { contactId: contact.id } });
  return [
    {
      text: [ctx.t.confirmDelete(contact.name)],
      buttons: [[
        { label: ctx.t.deleteButton(contact.name), action: encodeAction({ kind: 'yes', token }), style: 'danger' },
        { label: ctx.t.cancelButton(), action: encodeAction({ kind: 'no', token }) },
      ]],
    },
  ];
};

export async function confirmDelete(ctx: Ctx, payload: PayloadOf<'delete'>): Promise<Reply[]> {
  const contact = await getContact(ctx.db, ctx.user.id, payload.contactId);
  if (!contact) return [{ text: [ctx.t.contactGone()] }];
  await change(ctx, { key: 'delete', name: contact.name }, (ch) => deleteContact(ch, contact.id));
  return [{ text: [ctx.t.deleted(contact.name)] }];
}

/** /intro: you connected two contacts — logged, and it counts as contact with both. */
export const intro: Handler<Of<'intro'>> = async (ctx, command, resolved) => {
  const first = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in first) return first.replies;
  const second = await resolveContact(ctx, command, 'other', { ...resolved, name: first.contact.id });
  if ('replies' in second) return second.replies;
  const [a, b] = [first.contact, second.contact];
  if (a.id === b.id) return [{ text: [ctx.t.introSelf(a.name)] }];
  await change(ctx, { key: 'intro', name: a.name, other: b.name }, async (ch) => {
    await insertIntroduction(ch, a.id, b.id, command.note ?? null, ctx.today);
    await logTouch(ch, a, ctx.today, 'message', command.note ?? null, ctx.workdays);
    await logTouch(ch, b, ctx.today, 'message', command.note ?? null, ctx.workdays);
  });
  return [{ text: [ctx.t.introLogged(a.name, b.name, command.note)] }];
};
