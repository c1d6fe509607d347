/**
 * A contact's email addresses: the first in `contacts.email`, any further ones
 * here (an import with several, or added later). Sources match mail and
 * meeting attendees against all of them. Addresses are kept in lower case.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Change } from './change.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** How an address is compared: trimmed, lower case. */
export function addressKey(address: string): string {
  return address.trim().toLowerCase();
}

/** Adds a further address to a contact of the change's user; false when the contact has it already. */
export async function addContactEmail(change: Change, contactId: number, address: string): Promise<boolean> {
  const key = addressKey(address);
  const contact = await change.tx
    .selectFrom('contacts')
    .select(['id', 'email'])
    .where('user_id', '=', change.userId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact || (contact.email && addressKey(contact.email) === key)) return false;
  const inserted = await change.tx
    .insertInto('contact_emails')
    .values({ user_id: change.userId, contact_id: contactId, address: key, created_at: change.nowIso })
    .onConflict((oc) => oc.columns(['contact_id', 'address']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  change.undo.push({ op: 'delete', table: 'contact_emails', id: inserted.id });
  return true;
}

/** Removes one of a contact's further addresses; false when it had no such address. */
export async function removeContactEmail(change: Change, contactId: number, address: string): Promise<boolean> {
  const row = await change.tx
    .selectFrom('contact_emails')
    .selectAll()
    .where('user_id', '=', change.userId)
    .where('contact_id', '=', contactId)
    .where('address', '=', addressKey(address))
    .executeTakeFirst();
  if (!row) return false;
  change.undo.push({ op: 'insert', table: 'contact_emails', row: { ...row } });
  await change.tx.deleteFrom('contact_emails').where('user_id', '=', change.userId).where('id', '=', row.id).execute();
  return true;
}

/** Every address of one contact, the first one first. */
export async function contactAddresses(db: Db, userId: number, contactId: number): Promise<string[]> {
  const [contact, more] = await Promise.all([
    db.selectFrom('contacts').select('email').where('user_id', '=', userId).where('id', '=', contactId).executeTakeFirst(),
    db.selectFrom('contact_emails').select('address').where('user_id', '=', userId).where('contact_id', '=', contactId).orderBy('id').execute(),
  ]);
  if (!contact) return [];
  const first = contact.email ? [addressKey(contact.email)] : [];
  return [...new Set([...first, ...more.map((r) => r.address)])];
}

/**
 * Every address of the user's contacts (archived ones too: a meeting with
 * them still happened), to the contacts that have it
 * (usually one; two contacts sharing an address are both listed, and a
 * matcher then leaves the address alone rather than guess).
 */
export async function addressBook(db: Db, userId: number): Promise<Map<string, number[]>> {
  const [primary, more] = await Promise.all([
    db.selectFrom('contacts').select(['id', 'email']).where('user_id', '=', userId).where('email', 'is not', null).execute(),
    db.selectFrom('contact_emails').select(['contact_id', 'address']).where('user_id', '=', userId).execute(),
  ]);
  const book = new Map<string, number[]>();
  const add = (address: string, id: number) => {
    const ids = book.get(address) ?? [];
    if (!ids.includes(id)) ids.push(id);
    book.set(address, ids);
  };
  for (const row of primary) if (row.email) add(addressKey(row.email), row.id);
  for (const row of more) add(row.address, row.contact_id);
  return book;
}
