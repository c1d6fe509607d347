/**
 * /export vcf: vCard 4.0 (RFC 6350), one card per contact, for phones and mail
 * programs. Text values escaped (backslash, comma, line breaks; semicolons in
 * compound values), lines folded at 75 octets without splitting a character,
 * CRLF line ends. keepwarm's tier goes
 * into X-KEEPWARM-TIER, which its own vCard import reads back.
 */
import { parseBirthday } from '../core/birthday.ts';
import { personName } from '../core/honorifics.ts';
import type { Tier } from '../core/types.ts';
import type { ExportData, ExportedContact } from './data.ts';
import { selectContacts } from './csv.ts';

/**
 * RFC 6350 §3.4 text escaping: backslash, comma and line breaks always; a
 * semicolon only inside the components of a compound value (N, ORG), where
 * it would separate them — elsewhere `\\;` is no valid 4.0 escape.
 */
export function escapeText(value: string, compound = false): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
  return compound ? escaped.replace(/;/g, '\\;') : escaped;
}

/** RFC 6350 §3.2: lines of at most 75 octets, continued after CRLF and a space. */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out;
}

/**
 * N: family; given; additional; prefix; suffix. "Dr. Jürgen Müller" with the
 * salutation Herr -> "Müller;Jürgen;;Herr Dr.;": the last word (with "von",
 * "van der" …) is the family name, salutation and title are the prefix.
 */
function structuredName(contact: ExportedContact): string {
  const person = personName(contact.name, { salutation: contact.salutation, title: contact.academicTitle });
  const prefix = [person.salutation, person.title].filter(Boolean).join(' ');
  const family = person.given === '' ? '' : person.family;
  const given = person.given === '' ? person.family : person.given;
  return [family, given, '', prefix, ''].map((part) => escapeText(part, true)).join(';');
}

/** BDAY in vCard 4.0's basic form: `19850312`, or `--0312` without a year (RFC 6350 §6.2.5). */
function vcardBirthday(stored: string): string | null {
  const birthday = parseBirthday(stored);
  if (!birthday) return null;
  const monthDay = `${String(birthday.month).padStart(2, '0')}${String(birthday.day).padStart(2, '0')}`;
  return birthday.year === null ? `--${monthDay}` : `${String(birthday.year).padStart(4, '0')}${monthDay}`;
}

/** ADR: box; extended; street; locality; region; code; country — a second street line after a line break, as Apple writes it. */
function adr(address: NonNullable<ExportedContact['address']>): string {
  const street = [address.street, address.street2].filter(Boolean).join('\n');
  const parts = ['', '', street, address.city ?? '', address.region ?? '', address.postalCode ?? '', address.country ?? ''];
  const type = address.kind ? `;TYPE=${address.kind}` : '';
  return `ADR${type}:${parts.map((part) => escapeText(part, true)).join(';')}`;
}

function card(contact: ExportedContact, uid: string): string[] {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//keepwarm//keepwarm//EN', `UID:${uid}`, `FN:${escapeText(contact.name)}`, `N:${structuredName(contact)}`];
  if (contact.email) lines.push(`EMAIL:${escapeText(contact.email)}`);
  if (contact.phone) lines.push(`TEL;VALUE=text:${escapeText(contact.phone)}`);
  if (contact.company) lines.push(`ORG:${escapeText(contact.company, true)}`);
  if (contact.role) lines.push(`TITLE:${escapeText(contact.role)}`);
  const bday = contact.birthday ? vcardBirthday(contact.birthday) : null;
  if (bday) lines.push(`BDAY:${bday}`);
  if (contact.address) lines.push(adr(contact.address));
  if (contact.tags.length > 0) lines.push(`CATEGORIES:${contact.tags.map((tag) => escapeText(tag)).join(',')}`);
  if (contact.notes.length > 0) lines.push(`NOTE:${escapeText(contact.notes.map((n) => n.text).join('\n'))}`);
  lines.push(`X-KEEPWARM-TIER:${contact.tier}`, 'END:VCARD');
  return lines;
}

export function toVcf(data: ExportData, options: { userId: number; tiers?: readonly Tier[] }): string {
  const lines = selectContacts(data.contacts, options.tiers ?? []).flatMap((c) => card(c, `urn:keepwarm:${options.userId}:contact:${c.id}`));
  return lines.map(foldLine).join('\r\n') + (lines.length > 0 ? '\r\n' : '');
}
