/**
 * From a typed name to one contact, or a question. Names are matched
 * forgivingly (src/core/names.ts); several matches become a question with a
 * button per candidate and an unknown name an offer to add it — never a
 * silent guess.
 */
import type { Command } from '../commands/command.ts';
import { matchContacts } from '../core/names.ts';
import { getContact, getContacts, contactNames, type Contact } from '../store/contacts.ts';
import { encodeAction } from '../commands/actions.ts';
import type { Ctx, Resolved } from './context.ts';
import { ask, type ChoosePayload, type Slot } from './questions.ts';
import type { Button, Reply } from '../port.ts';

export type Resolution = { contact: Contact } | { replies: Reply[] };

/** Intents for which an unknown name is worth offering to add. */
const ADDABLE = new Set<Command['intent']>(['touch', 'done', 'noanswer', 'note', 'remind', 'tier', 'cadence', 'intro', 'snooze']);

const MAX_CHOICES = 8;

/** The name a command refers to in a slot. */
export function slotName(command: Command, slot: Slot): string | undefined {
  if (slot === 'other') return command.intent === 'intro' ? command.other : undefined;
  return 'name' in command ? command.name : undefined;
}

export async function resolveContact(ctx: Ctx, command: Command, slot: Slot, resolved: Resolved): Promise<Resolution> {
  const { db, user, t } = ctx;
  const chosen = resolved[slot];
  if (chosen !== undefined) {
    const contact = await getContact(db, user.id, chosen);
    return contact ? { contact } : { replies: [{ text: [t.contactGone()] }] };
  }
  const name = slotName(command, slot) ?? '';
  const candidates = await contactNames(db, user.id);
  // Archived contacts are out of the network: they answer only when nobody active does.
  let match = matchContacts(name, candidates.filter((c) => c.status === 'active'));
  if (match.kind === 'none') match = matchContacts(name, candidates.filter((c) => c.status !== 'active'));

  if (match.kind === 'one') {
    const contact = await getContact(db, user.id, match.id);
    if (contact) return { contact };
  }
  if (match.kind === 'many') {
    const contacts = (await getContacts(db, user.id, match.ids)).sort((a, b) => a.name.localeCompare(b.name));
    const payload: ChoosePayload = { command, slot, resolved };
    const token = await ask(ctx, { kind: 'choose', payload });
    const buttons: Button[][] = contacts.slice(0, MAX_CHOICES).map((c) => [
      { label: t.choiceLabel(c), action: encodeAction({ kind: 'pick', token, contactId: c.id }) },
    ]);
    const more = contacts.length > MAX_CHOICES ? [t.moreMatches(contacts.length - MAX_CHOICES)] : [];
    return { replies: [{ text: [t.whichOne(name, contacts.length), ...more], buttons }] };
  }
  if (ADDABLE.has(command.intent)) {
    const payload: ChoosePayload = { command, slot, resolved };
    const token = await ask(ctx, { kind: 'unknown', payload });
    return {
      replies: [
        {
          text: [t.unknownName(name), t.offerAdd(name)],
          buttons: [[
            { label: t.addButton(name), action: encodeAction({ kind: 'add', token }), style: 'primary' },
            { label: t.cancelButton(), action: encodeAction({ kind: 'no', token }) },
          ]],
        },
      ],
    };
  }
  return { replies: [{ text: [t.unknownName(name), t.tryFind()] }] };
}
