/**
 * /export vcf: vCard 4.0 (RFC 6350), one card per contact, for phones and mail
 * programs. Text values escaped (backslash, comma, line breaks; semicolons in
 * compound values), lines folded at 75 octets without splitting a character,
 * CRLF line ends. keepwarm's tier goes
 * into X-KEEPWARM-TIER, which its own vCard import reads back.
 */
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

/** "Dr. Jürgen Müller" -> family "Müller", given "Dr. Jürgen": the last word is the family name. */
function structuredName(name: string): string {
  const words = name.trim().split(/\s+/);
  const family = words.length > 1 ? (words.pop() ?? '') : '';
  return [family, words.join(' '), '', '', ''].map((part) => escapeText(part, true)).join(';');
}

function card(contact: ExportedContact, uid: string): string[] {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//keepwarm//keepwarm//EN', `UID:${uid}`, `FN:${escapeText(contact.name)}`, `N:${structuredName(contact.name)}`];
  if (contact.email) lines.push(`EMAIL:${escapeText(contact.email)}`);
  if (contact.phone) lines.push(`TEL;VALUE=text:${escapeText(contact.phone)}`);
  if (contact.company) lines.push(`ORG:${escapeText(contact.company, true)}`);
  if (contact.role) lines.push(`TITLE:${escapeText(contact.role)}`);
  if (contact.tags.length > 0) lines.push(`CATEGORIES:${contact.tags.map((tag) => escapeText(tag)).join(',')}`);
  if (contact.notes.length > 0) lines.push(`NOTE:${escapeText(contact.notes.map((n) => n.text).join('\n'))}`);
  lines.push(`X-KEEPWARM-TIER:${contact.tier}`, 'END:VCARD');
  return lines;
}

export function toVcf(data: ExportData, options: { userId: number; tiers?: readonly Tier[] }): string {
  const lines = selectContacts(data.contacts, options.tiers ?? []).flatMap((c) => card(c, `urn:keepwarm:${options.userId}:contact:${c.id}`));
  return lines.map(foldLine).join('\r\n') + (lines.length > 0 ? '\r\n' : '');
}
