/**
 * Postal address columns of a CSV header, in English and German, as Outlook
 * ("Business Street", "Home Postal Code", "Straße geschäftlich 2",
 * "Postleitzahl privat"), Google ("Address 1 - Street", "Address 1 - Type"),
 * XING ("Straße (geschäftlich)", "PLZ (privat)") and plain spreadsheets
 * ("Straße", "Hausnummer", "PLZ", "Ort", "Land") write them.
 *
 * Columns form groups — one per address of the row (business, home, other;
 * Google's Address 1, Address 2). A row's one address is chosen like a
 * vCard's (vcard-fields.ts): deliverable first, then business, then an
 * address without a kind, then home, then other; among equals the first.
 */
import { isDeliverable, makeAddress, parseAddressText, type AddressKind, type PostalAddress } from '../core/address.ts';
import { normalizeHeader } from './columns.ts';

type Part = 'street' | 'street2' | 'street3' | 'houseNumber' | 'postalCode' | 'city' | 'region' | 'country' | 'poBox' | 'extended' | 'formatted' | 'label';
type Kind = AddressKind | 'other';

/** The words of each part, once the kind ("business", "privat") and Google's number are taken out. */
const PARTS: [Part, string[]][] = [
  ['label', ['type', 'label', 'typ', 'address type', 'address kind', 'adresstyp', 'adressart']],
  ['formatted', ['formatted', 'formatted address']],
  ['extended', ['extended address', 'extended']],
  ['poBox', ['po box', 'p o box', 'pobox', 'postfach']],
  ['houseNumber', ['hausnummer', 'hausnr', 'house number', 'house no', 'haus nr']],
  ['street2', ['address line 2', 'adresszeile 2', 'adresszusatz', 'zusatz', 'street 2', 'strasse 2', 'line 2', 'address 2']],
  ['street3', ['address line 3', 'adresszeile 3', 'street 3', 'strasse 3', 'line 3']],
  ['street', ['street address', 'address line 1', 'adresszeile 1', 'street 1', 'strasse 1', 'address 1', 'street', 'strasse', 'str', 'anschrift', 'address', 'adresse', 'line 1']],
  ['postalCode', ['postal code', 'post code', 'postleitzahl', 'postcode', 'zip code', 'zipcode', 'zip', 'plz', 'postal']],
  ['country', ['country region', 'land region', 'country', 'land', 'staat']],
  ['region', ['state province', 'bundesland kanton', 'bundesland', 'kanton', 'province', 'county', 'state', 'region']],
  ['city', ['city town', 'wohnort', 'locality', 'city', 'town', 'stadt', 'ort']],
];

const PART_BY_PHRASE = new Map(PARTS.flatMap(([part, phrases]) => phrases.map((phrase) => [phrase, part] as const)));

const KINDS: [Kind, string[]][] = [
  ['work', ['business', 'work', 'office', 'geschäftlich', 'geschaftlich', 'geschaeftlich', 'dienstlich', 'büro', 'buero', 'firma']],
  ['home', ['home', 'private', 'personal', 'privat', 'zuhause', 'wohnung']],
  ['other', ['other', 'weitere', 'weiterer', 'weiteres', 'weitere r', 'andere', 'anderer']],
];

export interface AddressColumn {
  part: Part;
  kind: Kind | null;
  /** Which address of the row: a kind, Google's number, or "" for a plain spreadsheet's one. */
  group: string;
}

function takeWord(words: string[], phrases: string[]): boolean {
  const text = ` ${words.join(' ')} `;
  for (const phrase of phrases) {
    const at = text.indexOf(` ${phrase} `);
    if (at >= 0) {
      const before = text.slice(1, at).split(' ').filter(Boolean).length;
      words.splice(before, phrase.split(' ').length);
      return true;
    }
  }
  return false;
}

/** What an address column holds, or undefined when the header is no address column. */
export function addressColumnOf(header: string): AddressColumn | undefined {
  const words = normalizeHeader(header).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 6) return undefined;
  let kind: Kind | null = null;
  for (const [k, phrases] of KINDS) if (takeWord(words, phrases)) kind = k;
  // Google's "Address 1 - Street": the number after "address" names the address, not a line.
  let index = '';
  const numbered = words.findIndex((w, i) => /^\d$/.test(w) && (words[i - 1] === 'address' || words[i - 1] === 'adresse') && words.length > i + 1);
  if (numbered > 0) {
    index = words[numbered] as string;
    words.splice(numbered - 1, 2);
  }
  const rest = words.join(' ');
  const part = PART_BY_PHRASE.get(rest);
  return part ? { part, kind, group: kind ?? (index || '') } : undefined;
}

export interface AddressGroup {
  kind: Kind | null;
  columns: Partial<Record<Part, number>>;
}

/** The header's address columns in groups, in the order their first column appears. */
export function addressGroups(headers: string[]): AddressGroup[] {
  const groups = new Map<string, AddressGroup>();
  headers.forEach((header, index) => {
    const column = addressColumnOf(header);
    if (!column) return;
    let group = groups.get(column.group);
    if (!group) {
      group = { kind: column.kind === null ? null : column.kind, columns: {} };
      groups.set(column.group, group);
    }
    group.columns[column.part] ??= index;
  });
  // A "label" column alone is no address.
  return [...groups.values()].filter((g) => Object.keys(g.columns).some((part) => part !== 'label'));
}

function kindFromLabel(label: string): Kind | null {
  const words = normalizeHeader(label).split(' ');
  for (const [kind, phrases] of KINDS) if (phrases.some((p) => words.includes(p))) return kind;
  return null;
}

const RANK: Record<string, number> = { work: 1, none: 2, home: 3, other: 4 };

function groupAddress(row: string[], group: AddressGroup): { address: PostalAddress; kind: Kind | null } | null {
  const cell = (part: Part) => {
    const index = group.columns[part];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  const kind = group.kind ?? (cell('label') ? kindFromLabel(cell('label')) : null);
  const addressKind = kind === 'other' ? null : kind;
  const street = [cell('street'), cell('houseNumber')].filter(Boolean).join(' ');
  const second = [cell('street2'), cell('street3'), cell('extended'), cell('poBox')].filter(Boolean);
  // Apple and Google write a second street line after a line break inside the cell.
  const streetLines = street.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  let address = makeAddress({
    street: streetLines[0] ?? null,
    street2: [...streetLines.slice(1), ...second].join(', ') || null,
    postalCode: cell('postalCode'),
    city: cell('city'),
    region: cell('region'),
    country: cell('country'),
    kind: addressKind,
  });
  // One column with the whole address ("Adresse": "Lindenstraße 12, 10115 Berlin"), or only Google's formatted one.
  if (!isDeliverable(address)) {
    const whole = address && !address.city && !address.postalCode && address.street ? street : cell('formatted');
    const parsed = whole ? parseAddressText(whole) : null;
    if (parsed) address = { ...parsed, country: parsed.country ?? (cell('country') || null), kind: addressKind };
  }
  return address ? { address, kind } : null;
}

/** The row's one address (the rule above), or null when it has none. */
export function rowAddress(row: string[], groups: AddressGroup[]): PostalAddress | null {
  let best: { address: PostalAddress; key: number[] } | undefined;
  groups.forEach((group, index) => {
    const found = groupAddress(row, group);
    if (!found) return;
    const key = [isDeliverable(found.address) ? 0 : 1, RANK[found.kind ?? 'none'] ?? 4, index];
    if (!best || compareKeys(key, best.key) < 0) best = { address: found.address, key };
  });
  return best?.address ?? null;
}

/** Lexicographic order of two sort keys of the same length. */
export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}
