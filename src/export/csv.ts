/**
 * /export csv: one row per contact, for spreadsheets and mail merges (the
 * holiday-card list: `/export csv A B`). RFC 4180 quoting, CRLF, and a UTF-8
 * byte-order mark so Excel shows umlauts. A cell that a spreadsheet would run
 * as a formula (=, +, -, @ at the start) gets a leading `'`; phone numbers
 * like `+49 30 1234` are left alone. keepwarm's CSV import reads this file
 * back (columns.ts knows every header here).
 */
import { nextDueOn } from '../core/cadence.ts';
import { formatTagCell } from '../core/tag-cell.ts';
import type { Tier } from '../core/types.ts';
import type { ExportData, ExportedContact } from './data.ts';

export const CSV_HEADER = [
  'Name', 'Tier', 'Email', 'Phone', 'Company', 'Role', 'Place', 'Met on', 'Last contact', 'Next due', 'Tags', 'Notes', 'Status',
  'Birthday', 'Salutation', 'Academic Title', 'Street', 'Street 2', 'Postal Code', 'City', 'Region', 'Country', 'Address Type',
];

const FORMULA = /^[=+\-@\t\r]/;
const PHONE_LIKE = /^[+-][\d\s()./-]+$/;

/** One cell, guarded against formula injection and quoted when it must be. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA.test(text) && !PHONE_LIKE.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The contacts of `tiers` (active ones only), or every contact when no tier is given. */
export function selectContacts(contacts: ExportedContact[], tiers: readonly Tier[]): ExportedContact[] {
  if (tiers.length === 0) return contacts;
  return contacts.filter((c) => c.status === 'active' && (tiers as readonly string[]).includes(c.tier));
}

export function toCsv(data: ExportData, tiers: readonly Tier[] = []): string {
  const rows = selectContacts(data.contacts, tiers).map((c) => [
    c.name,
    c.tier,
    c.email,
    c.phone,
    c.company,
    c.role,
    c.place,
    c.metOn,
    c.lastTouchOn,
    nextDueOn({ tier: c.tier, cadenceDays: c.cadenceDays, lastTouchOn: c.lastTouchOn, metOn: c.metOn, createdOn: c.createdOn }, data.settings.cadences),
    formatTagCell(c.tags),
    c.notes.map((n) => n.text).join('\n'),
    c.status,
    c.birthday,
    c.salutation,
    c.academicTitle,
    c.address?.street,
    c.address?.street2,
    c.address?.postalCode,
    c.address?.city,
    c.address?.region,
    c.address?.country,
    c.address?.kind,
  ]);
  return '\ufeff' + [CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
