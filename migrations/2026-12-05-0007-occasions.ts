// Occasions and addresses on contacts: a birthday, a postal address, and the
// salutation and academic title a letter opens with. Frozen in time: written
// against an untyped handle and never importing the application's types.
//
// Stored forms (docs/storage.md): birthday `MM-DD` or `YYYY-MM-DD`; address a
// JSON object {street, street2, postalCode, city, region, country, kind};
// salutation one word (Frau, Herr, Ms, Mrs, Mr, Mx); academic title as written
// ("Dr.", "Prof. Dr."). All nullable: existing contacts have none of them.
import type { Kysely } from 'kysely';

const COLUMNS = ['birthday', 'address', 'salutation', 'academic_title'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one column at a time.
  for (const column of COLUMNS) await db.schema.alterTable('contacts').addColumn(column, 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of [...COLUMNS].reverse()) await db.schema.alterTable('contacts').dropColumn(column).execute();
}
