/** Shaping the network: /note, /tier, /every, /archive, /delete, /intro, /rename (new people: met.ts). */
import type { Command } from '../../commands/command.ts';
import { noteHook } from '../../commands/note-hook.ts';
import type { Tier } from '../../core/types.ts';
import { insertIntroduction, insertNote } from '../../store/activity.ts';
import { deleteContact, getContact, updateContact, type Contact } from '../../store/contacts.ts';
import { encodeAction } from '../../commands/actions.ts';
import type { Ctx, Handler } from '../context.ts';
import type { Reply } from '../../port.ts';
import { resolveContact } from '../resolve.ts';
import { ask, type PayloadOf } from '../questions.ts';
import { change } from './undoable.ts';
import { logTouch } from './log-touch.ts';
import { dunbarLines } from './met.ts';
import { typedChoice } from './typed-buttons.ts';
import { refined } from './touches.ts';
import { markEntry, type EntryRef } from '../entries.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

export const note: Handler<Of<'note'>> = async (ctx, typed, resolved) => {
  const command = await refined(ctx, typed);
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
  // "archivieren" alone answers the open question: a review card, or "keep, move to C, or archive?".
  if (command.name === undefined && resolved.name === undefined) return typedChoice(ctx, 'archive');
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
