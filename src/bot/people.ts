/**
 * Several people in one message ("called Tom, Lisa and Omar", "ole und mo
 * erledigt"): each name resolved on its own, a question about the first that
 * does not resolve (the command waits with what is already known), and only
 * when every person is known is anything applied — all of it in one change,
 * one undo step.
 */
import { isNameless } from '../commands/name-note.ts';
import type { Command } from '../commands/command.ts';
import { properCase, withoutSalutation } from '../core/honorifics.ts';
import { createContact, getContact, type Contact } from '../store/contacts.ts';
import type { Ctx, Resolved } from './context.ts';
import { change } from './handlers/undoable.ts';
import { matchName, question } from './resolve.ts';
import type { Reply } from '../port.ts';

/** A person of a message: known, or to be added with it. */
export type Person = { contact: Contact } | { add: string };

/** The names a command is about: `names` when several, else its one `name`. */
export function namesOf(command: Command): string[] {
  if ('names' in command && command.names && command.names.length > 0) return command.names;
  return 'name' in command && typeof command.name === 'string' && command.name !== '' ? [command.name] : [];
}

/** Each name to a contact (or to one the user agreed to add), or the first question. Applies nothing. */
export async function resolvePeople(ctx: Ctx, command: Command, resolved: Resolved): Promise<{ people: Person[] } | { replies: Reply[] }> {
  const people: Person[] = [];
  const names = namesOf(command);
  for (let slot = 0; slot < names.length; slot++) {
    const chosen = resolved.people?.[String(slot)];
    if (chosen !== undefined) {
      const contact = await getContact(ctx.db, ctx.user.id, chosen);
      if (!contact) return { replies: [{ text: [ctx.t.contactGone()] }] };
      people.push({ contact });
      continue;
    }
    const adding = resolved.adds?.[String(slot)];
    if (adding !== undefined) {
      people.push({ add: adding });
      continue;
    }
    const name = names[slot] ?? '';
    const match = await matchName(ctx, name);
    const contact = match.kind === 'one' ? await getContact(ctx.db, ctx.user.id, match.id) : undefined;
    if (contact) {
      // The same person named twice ("Anna und Anna Schmidt") is one person.
      if (!people.some((p) => 'contact' in p && p.contact.id === contact.id)) people.push({ contact });
      continue;
    }
    return { replies: await question(ctx, command, slot, resolved, name, match) };
  }
  return { people };
}

/** How a typed name is stored: without its salutation (kept apart), written as a name when typed in lower case. */
export function storedName(typed: string): { name: string; salutation: string | null } {
  const { name, salutation } = withoutSalutation(typed.trim());
  if (isNameless(name)) return { name: '', salutation };
  return { name: properCase(name), salutation };
}

/** Adds a contact the user agreed to ("Add Xaver"): tier B, inside the running change. */
export async function addContactNamed(ctx: Ctx, typed: string): Promise<Contact | undefined> {
  const { name, salutation } = storedName(typed);
  if (name === '') return undefined;
  const id = await change(ctx, { key: 'add', name }, (ch) => createContact(ch, { name, tier: 'B', source: 'add', salutation, createdOn: ctx.today }));
  ctx.deferred?.added?.push(name);
  return getContact(ctx.db, ctx.user.id, id);
}

/** The contacts of resolved people, adding those to be added; call inside the message's change. */
export async function contactsOf(ctx: Ctx, people: Person[]): Promise<Contact[]> {
  const contacts: Contact[] = [];
  for (const person of people) {
    const contact = 'contact' in person ? person.contact : await addContactNamed(ctx, person.add);
    if (contact) contacts.push(contact);
  }
  return contacts;
}

/** The names of several contacts for an undo label: "Petra Schulz, Monika Wagner". */
export function joinedNames(contacts: { name: string }[]): string {
  return contacts.map((c) => c.name).join(', ');
}
