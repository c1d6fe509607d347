/**
 * Details said in the chat — email, phone, company, role, postal address,
 * birthday — and /rename. Each is one undo step; /show prints them and every
 * export carries them.
 */
import type { Command } from '../../commands/command.ts';
import { parseAddressText } from '../../core/address.ts';
import { addContactEmail } from '../../store/contact-emails.ts';
import { updateContact, type ContactPatch } from '../../store/contacts.ts';
import type { Handler } from '../context.ts';
import { storedName } from '../people.ts';
import { refineSplit } from '../refine.ts';
import { resolveContact } from '../resolve.ts';
import { change } from './undoable.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/** "/email Anna anna@example.org", "Annas E-Mail ist …", "/adresse Anna Keller: Lindenstraße 12, 10115 Berlin". */
export const detail: Handler<Of<'detail'>> = async (ctx, typed, resolved) => {
  let command = typed;
  if (typed.loose) {
    // "/firma anna keller siemens": the longest start the network knows is the name.
    const fits = typed.field === 'address' ? (rest: string) => parseAddressText(rest) !== null : () => true;
    const split = await refineSplit(ctx, { name: typed.name, rest: typed.value }, true, fits);
    command = { ...typed, name: split.name, value: split.rest };
  }
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  const { contact } = found;
  const { field, value } = command;
  if (field === 'email' && contact.email !== null && contact.email.toLowerCase() !== value) {
    // A second address is kept beside the first (issue 15: several emails per contact).
    const added = await change(ctx, { key: 'detail', name: contact.name }, (ch) => addContactEmail(ch, contact.id, value));
    return [{ text: [added ? ctx.t.emailAdded(contact.name, value) : ctx.t.detailUnchanged(contact.name, field)] }];
  }
  const patch: ContactPatch = {};
  switch (field) {
    case 'email':
      patch.email = value;
      break;
    case 'phone':
      patch.phone = value;
      break;
    case 'company':
      patch.company = value;
      break;
    case 'role':
      patch.role = value;
      break;
    case 'birthday':
      patch.birthday = value;
      break;
    case 'address': {
      const address = parseAddressText(value);
      if (!address) return [{ text: ctx.t.parseError({ error: 'bad_address', intent: 'detail', params: { got: value, name: contact.name } }) }];
      patch.address = address;
      break;
    }
  }
  await change(ctx, { key: 'detail', name: contact.name }, (ch) => updateContact(ch, contact.id, patch));
  return [{ text: [ctx.t.detailSet(contact.name, field, value, ctx.today)] }];
};

/** "/rename Bob to Robert Meyer", "/umbenennen Tom Berger in Thomas Berger". A salutation in the new name is kept apart. */
export const rename: Handler<Of<'rename'>> = async (ctx, typed, resolved) => {
  let command = typed;
  if (typed.guessed) {
    const split = await refineSplit(ctx, { name: typed.name, rest: typed.newName }, true);
    command = { ...typed, name: split.name, newName: split.rest };
  }
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  const { contact } = found;
  const { name, salutation } = storedName(command.newName);
  if (name === '') return [{ text: ctx.t.parseError({ error: 'missing_other', intent: 'rename', params: { name: contact.name } }) }];
  const patch: ContactPatch = { name, ...(salutation !== null && { salutation }) };
  await change(ctx, { key: 'rename', name, other: contact.name }, (ch) => updateContact(ch, contact.id, patch));
  return [{ text: [ctx.t.renamed(contact.name, name)] }];
};
