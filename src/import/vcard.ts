/**
 * vCard files (2.1, 3.0, 4.0; Apple Contacts, Google Contacts, Outlook,
 * Android): many cards a file. Each card is rewritten into 3.0 syntax
 * (vcard-lines.ts) and parsed by ical.js on its own, so one broken card is
 * reported with its line number and the others still come in.
 */
import ICAL from 'ical.js';
import { TIERS, type Tier } from '../core/types.ts';
import { clean, cleanNote, emailOf, MAX_IMPORT_ROWS, phoneOf } from './limits.ts';
import { refuse, type ImportIssue, type ImportRecord, type ImportRefusal, type ParsedImport } from './record.ts';
import { splitCards } from './vcard-lines.ts';
import { addressField, birthdayField, honorificsField } from './vcard-fields.ts';
import { withoutSalutation } from '../core/honorifics.ts';

/** A jCard property: [name, parameters, value type, ...values]. */
type JProperty = [string, Record<string, unknown>, string, ...unknown[]];

/**
 * The strings of a jCard value. ical.js unescapes `\;` only in structured
 * values (N, ADR, ORG), as RFC 6350 asks; vCard 3.0 writers such as Apple's
 * escape it in every text value, so it is unescaped here too.
 */
function texts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value === 'string') return [value.includes('\\;') ? value.replace(/\\;/g, ';') : value];
  if (typeof value === 'number') return [String(value)];
  return [];
}

/** The first value of a property as one string (components joined by spaces). */
function valueOf(property: JProperty): string {
  return clean(texts(property.slice(3)).join(' '));
}

function isPreferred(property: JProperty): boolean {
  const params = property[1];
  const type = texts(params.type).map((t) => t.toLowerCase());
  return type.includes('pref') || params.pref !== undefined;
}

/** Values of the given properties, the preferred ones first. */
function preferredValues(matching: JProperty[]): string[] {
  if (matching.length === 0) return [];
  const ordered = matching.length === 1 ? matching : [...matching.filter(isPreferred), ...matching.filter((p) => !isPreferred(p))];
  return ordered.map((p) => texts(p.slice(3)).join(' '));
}

/** N: family; given; additional; prefix; suffix -> "given additional family". */
function nameFromN(property: JProperty | undefined): string {
  if (!property) return '';
  const value = property[3];
  const parts = Array.isArray(value) ? value : [value];
  const [family, given, additional] = parts.map((part) => texts(part).join(' '));
  return clean([given, additional, family].filter(Boolean).join(' '));
}

function toRecord(properties: JProperty[], line: number, issues: ImportIssue[]): ImportRecord | ImportIssue {
  // One pass over the card: its properties by name.
  const byName = new Map<string, JProperty[]>();
  for (const p of properties) {
    const list = byName.get(p[0]);
    if (list) list.push(p);
    else byName.set(p[0], [p]);
  }
  const find = (name: string) => byName.get(name)?.[0];
  const emails = [...new Set(preferredValues(byName.get('email') ?? []).map(emailOf).filter((e): e is string => e !== null))];
  const phones = [...new Set(preferredValues(byName.get('tel') ?? []).map(phoneOf).filter((p): p is string => p !== null))];
  const fn = find('fn');
  const written = (fn && valueOf(fn)) || nameFromN(find('n')) || (find('nickname') && valueOf(find('nickname') as JProperty)) || emails[0] || '';
  if (written === '') return { line, code: 'no_name', skipped: true };
  const { name, salutation } = withoutSalutation(written);
  const honorifics = honorificsField(find('n'));
  const birthday = birthdayField(find('bday'));
  if (birthday && 'unreadable' in birthday) issues.push({ line, code: 'bad_date', detail: birthday.unreadable, skipped: false });
  const org = find('org');
  // ORG: organisation; unit; unit… — the organisation is the company.
  const orgValue = org?.[3];
  const company = clean(texts(Array.isArray(orgValue) ? orgValue[0] : orgValue).join(' '));
  const title = find('title') ?? find('role');
  const notes = (byName.get('note') ?? []).map((p) => cleanNote(texts(p.slice(3)).join('\n'))).filter(Boolean);
  const tierText = find('x-keepwarm-tier');
  // CATEGORIES holds one tag a value (ical.js splits at unescaped commas); Google files every contact under myContacts.
  const tags = (byName.get('categories') ?? [])
    .flatMap((p) => texts(p.slice(3)))
    .map((t) => clean(t.replace(/^#/, ''), 40))
    .filter((t) => t !== '' && t.toLowerCase() !== 'mycontacts');
  const tier = tierText ? valueOf(tierText).toUpperCase() : '';
  return {
    line,
    name,
    emails,
    phones,
    company: company || null,
    role: (title && valueOf(title)) || null,
    tier: (TIERS as readonly string[]).includes(tier) ? (tier as Tier) : null,
    lastContactOn: null,
    notes,
    tags: [...new Set(tags)],
    place: null,
    birthday: birthday && 'birthday' in birthday ? birthday.birthday : null,
    address: addressField(byName.get('adr') ?? [], find('x-ms-ol-default-postal-address')),
    salutation: honorifics.salutation ?? salutation,
    academicTitle: honorifics.title,
  };
}

/** ical.js messages name the offending line; they are shown to the user as the reason. */
function reason(error: unknown): string {
  return clean(error instanceof Error ? error.message : String(error), 120);
}

export function parseVcard(text: string): ParsedImport | ImportRefusal {
  const { cards, overflow } = splitCards(text, MAX_IMPORT_ROWS);
  if (overflow) return refuse('too_many_rows', { max: MAX_IMPORT_ROWS });
  if (cards.length === 0) return refuse('no_cards');
  const records: ImportRecord[] = [];
  const issues: ImportIssue[] = [];
  for (const card of cards) {
    if (card.unterminated) {
      issues.push({ line: card.line, code: 'bad_card', detail: 'END:VCARD missing', skipped: true });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = ICAL.parse(card.text);
    } catch (error) {
      issues.push({ line: card.line, code: 'bad_card', detail: reason(error), skipped: true });
      continue;
    }
    const component = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed) as [string, JProperty[], unknown[]];
    const result = toRecord(component[1] ?? [], card.line, issues);
    if ('code' in result) issues.push(result);
    else records.push(result);
  }
  return { source: 'vcard', records, issues };
}
