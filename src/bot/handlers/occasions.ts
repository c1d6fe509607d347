/** Birthdays and postal addresses set by chat: /birthday, /address, and the answer to "what is Anna's address?". */
import type { Command } from '../../commands/command.ts';
import { isParseError } from '../../commands/command.ts';
import { parseCommand } from '../../commands/parse.ts';
import { addressLines, parseAddressText, type PostalAddress } from '../../core/address.ts';
import { ageTurning, nextBirthday, parseBirthday } from '../../core/birthday.ts';
import { getContact, updateContact, type Contact } from '../../store/contacts.ts';
import { clearPending } from '../../store/pending.ts';
import type { Ctx, Handler } from '../context.ts';
import type { OpenQuestion } from '../questions.ts';
import { ask } from '../questions.ts';
import { resolveContact } from '../resolve.ts';
import type { Reply, RichText } from '../../port.ts';
import { change } from './undoable.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

export const birthday: Handler<Of<'birthday'>> = async (ctx, command, resolved) => {
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  const { contact } = found;
  await change(ctx, { key: 'birthday', name: contact.name }, (ch) => updateContact(ch, contact.id, { birthday: command.birthday }));
  const parsed = parseBirthday(command.birthday);
  if (!parsed) return [{ text: [ctx.t.contactGone()] }];
  const next = nextBirthday(parsed, ctx.today);
  return [{ text: [ctx.t.birthdaySaved(contact.name, command.birthday, next, ageTurning(parsed, next), ctx.today)] }];
};

async function saveAddress(ctx: Ctx, contact: Contact, address: PostalAddress): Promise<Reply[]> {
  await change(ctx, { key: 'address', name: contact.name }, (ch) => updateContact(ch, contact.id, { address }));
  return [{ text: ctx.t.addressSaved(contact.name, addressLines(address)) }];
}

export const address: Handler<Of<'address'>> = async (ctx, command, resolved) => {
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  return saveAddress(ctx, found.contact, command.address);
};

/** The "add the address" button under the card list: asks for it; the next message answers. */
export async function askForAddress(ctx: Ctx, contactId: number): Promise<Reply[]> {
  const contact = await getContact(ctx.db, ctx.user.id, contactId);
  if (!contact) return [{ text: [ctx.t.contactGone()] }];
  await ask(ctx, { kind: 'address', payload: { contactId: contact.id } });
  return [{ text: [ctx.t.askAddress(contact.name)] }];
}

/**
 * A message while "what is Anna's address?" is open. An address answers it;
 * a command goes its own way (undefined) and the question waits; anything
 * else gets a hint and changes nothing.
 */
export async function answerAddress(ctx: Ctx, pending: Extract<OpenQuestion, { kind: 'address' }>, text: string): Promise<Reply[] | undefined> {
  if (text.trimStart().startsWith('/')) return undefined;
  const address = parseAddressText(text);
  const parsed = parseCommand(text, { now: ctx.now, timeZone: ctx.user.timeZone, language: ctx.user.language });
  if (!address && !isParseError(parsed)) return undefined;
  const contact = await getContact(ctx.db, ctx.user.id, pending.payload.contactId);
  if (!contact) {
    await clearPending(ctx.db, ctx.user.id, pending.token);
    return [{ text: [ctx.t.contactGone()] }];
  }
  if (!address) return [{ text: [ctx.t.addressNotUnderstood(contact.name)] }];
  if (!(await clearPending(ctx.db, ctx.user.id, pending.token))) return [];
  return saveAddress(ctx, contact, address);
}

/** What /show adds about occasions: the birthday with its next date, the postal address on one line. */
export function occasionLines(ctx: Ctx, contact: Contact): RichText {
  const parsed = parseBirthday(contact.birthday);
  return ctx.t.occasionLines(contact.birthday, parsed ? nextBirthday(parsed, ctx.today) : null, contact.address ? addressLines(contact.address) : null, ctx.today);
}
