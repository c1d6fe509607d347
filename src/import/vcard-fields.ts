/**
 * The occasion and address fields of a vCard, read from ical.js's jCard
 * properties: BDAY, ADR and the honorific prefix of N.
 *
 * BDAY: every form Apple, Google, Outlook and Android write — `1985-03-12`,
 * `19850312`, `--0312`, `--03-12`, with a time, as text — and Apple's
 * `X-APPLE-OMIT-YEAR` (a placeholder year that means "no year").
 *
 * ADR: a card may have several; one is kept, chosen in this order: one the
 * card marks preferred (TYPE=pref, PREF=1, or Outlook's
 * X-MS-OL-DEFAULT-POSTAL-ADDRESS), then WORK, then one without a type, then
 * HOME, then any other — and among equals the first in the card. An address
 * a card can go to (street and city) always beats one it cannot.
 */
import { isDeliverable, makeAddress, type AddressKind, type PostalAddress } from '../core/address.ts';
import { formatBirthday } from '../core/birthday.ts';
import { splitHonorifics, type Honorifics } from '../core/honorifics.ts';
import { compareKeys } from './address-columns.ts';
import { isBlankDate, parseImportBirthday } from './dates.ts';

/** A jCard property: [name, parameters, value type, ...values]. */
export type JProperty = [string, Record<string, unknown>, string, ...unknown[]];

/** The strings of a jCard value, `\;` unescaped (see vcard.ts). */
function texts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value === 'string') return [value.includes('\\;') ? value.replace(/\\;/g, ';') : value];
  if (typeof value === 'number') return [String(value)];
  return [];
}

function types(property: JProperty): string[] {
  return texts(property[1].type).flatMap((t) => t.toLowerCase().split(','));
}

/** What a card says about the birthday: a stored form, nothing, or a value that could not be read. */
export type BirthdayField = { birthday: string } | { unreadable: string } | null;

export function birthdayField(property: JProperty | undefined): BirthdayField {
  if (!property) return null;
  const value = texts(property.slice(3)).join(' ').trim();
  if (value === '' || isBlankDate(value)) return null;
  const birthday = parseImportBirthday(value);
  if (!birthday) return { unreadable: value.slice(0, 40) };
  // Apple writes a birthday without a year as 1604-MM-DD with X-APPLE-OMIT-YEAR=1604.
  const omitted = texts(property[1]['x-apple-omit-year'])[0];
  const yearless = omitted !== undefined && birthday.year !== null && String(birthday.year) === omitted;
  return { birthday: formatBirthday(yearless ? { ...birthday, year: null } : birthday) };
}

/** Outlook's X-MS-OL-DEFAULT-POSTAL-ADDRESS: 1 home, 2 business, 3 other. */
const OUTLOOK_DEFAULT: Record<string, string> = { '1': 'home', '2': 'work', '3': 'other' };

function kindOf(property: JProperty): AddressKind | 'other' | null {
  const t = types(property);
  if (t.includes('work')) return 'work';
  if (t.includes('home')) return 'home';
  if (t.some((type) => type !== 'pref' && type !== 'postal' && type !== 'parcel' && type !== 'intl' && type !== 'dom')) return 'other';
  return null;
}

const RANK: Record<string, number> = { work: 1, none: 2, home: 3, other: 4 };

/** The ADR's components: post office box; extended; street; locality; region; postal code; country. */
function toAddress(property: JProperty, kind: AddressKind | 'other' | null): PostalAddress | null {
  const value = property[3];
  const components = (Array.isArray(value) ? value : [value]).map((c) => texts(c).map((t) => t.trim()).filter(Boolean));
  const [box = [], extended = [], street = [], city = [], region = [], postalCode = [], country = []] = components;
  // Apple and Google put a second street line after a line break; vCard 4.0 after a comma.
  const streetLines = street.flatMap((s) => s.split(/\r?\n/)).map((s) => s.trim()).filter(Boolean);
  const second = [...streetLines.slice(1), ...extended, ...box];
  return makeAddress({
    street: streetLines[0] ?? null,
    street2: second.join(', ') || null,
    city: city.join(' '),
    region: region.join(' '),
    postalCode: postalCode.join(' '),
    country: country.join(' '),
    kind: kind === 'other' ? null : kind,
  });
}

/** The card's one address (the rule above), or null. */
export function addressField(addresses: JProperty[], outlookDefault: JProperty | undefined): PostalAddress | null {
  const preferredKind = outlookDefault ? OUTLOOK_DEFAULT[texts(outlookDefault.slice(3)).join('').trim()] : undefined;
  let best: { address: PostalAddress; key: number[] } | undefined;
  addresses.forEach((property, index) => {
    const kind = kindOf(property);
    const address = toAddress(property, kind);
    if (!address) return;
    const preferred = types(property).includes('pref') || property[1].pref !== undefined || (preferredKind !== undefined && preferredKind === (kind ?? 'none'));
    const key = [isDeliverable(address) ? 0 : 1, preferred ? 0 : 1, RANK[kind ?? 'none'] ?? 4, index];
    if (!best || compareKeys(key, best.key) < 0) best = { address, key };
  });
  return best?.address ?? null;
}

/** N's honorific prefix ("Dr.", "Frau Dr.", "Herr"), taken apart. */
export function honorificsField(n: JProperty | undefined): Honorifics {
  const value = n?.[3];
  const prefix = Array.isArray(value) ? texts(value[3]).join(' ') : '';
  return splitHonorifics(prefix);
}
