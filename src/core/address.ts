/**
 * Postal addresses, for the Christmas cards of DESIGN §1. One address per
 * contact: where a card goes. Stored as JSON text (docs/storage.md), in the
 * shape of PostalAddress.
 *
 * How an address is written on an envelope follows the destination country:
 * the postal code before the city in most of Europe ("10115 Berlin"), after
 * the city and region in North America and Australia ("Springfield IL
 * 62704"), on a line of its own in the United Kingdom. A letter from the
 * sender's own country leaves the country out; a letter abroad names it on
 * the last line in capitals (Deutsche Post's and the UPU's rule).
 */

/** Whether the address is the contact's office or home (a card to the office names the company). */
export type AddressKind = 'work' | 'home';

export interface PostalAddress {
  street: string | null;
  /** A second line: an apartment, a floor, a building, "c/o …", a PO box. */
  street2: string | null;
  postalCode: string | null;
  city: string | null;
  /** State, province or county, where the country writes one. */
  region: string | null;
  country: string | null;
  kind: AddressKind | null;
}

/** The longest part kept; an address line longer than this is no address line. */
export const MAX_ADDRESS_PART = 120;

function part(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return text.length <= MAX_ADDRESS_PART ? text : Array.from(text).slice(0, MAX_ADDRESS_PART).join('').trim();
}

/**
 * An address from loose parts: whitespace collapsed, empty parts null. Null
 * when nothing but (at most) a country or a kind is left — that is no address.
 */
export function makeAddress(parts: Partial<Record<keyof Omit<PostalAddress, 'kind'>, string | null | undefined>> & { kind?: AddressKind | null }): PostalAddress | null {
  const address: PostalAddress = {
    street: part(parts.street),
    street2: part(parts.street2),
    postalCode: part(parts.postalCode),
    city: part(parts.city),
    region: part(parts.region),
    country: part(parts.country),
    kind: parts.kind ?? null,
  };
  if (!address.street && !address.street2 && !address.postalCode && !address.city && !address.region) return null;
  if (!address.street && address.street2) {
    address.street = address.street2;
    address.street2 = null;
  }
  return address;
}

/** Card rule: an address a card can be sent to has a street (or PO box) and a city. */
export function isDeliverable(address: PostalAddress | null | undefined): boolean {
  return Boolean(address && address.street && address.city);
}

/** An address as stored (JSON text); null when there is none or it cannot be read. */
export function parseStoredAddress(json: string | null | undefined): PostalAddress | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    if (!value || typeof value !== 'object') return null;
    const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : null);
    const kind = value.kind === 'work' || value.kind === 'home' ? value.kind : null;
    return makeAddress({ street: text('street'), street2: text('street2'), postalCode: text('postalCode'), city: text('city'), region: text('region'), country: text('country'), kind });
  } catch {
    return null;
  }
}

export function storedAddress(address: PostalAddress | null): string | null {
  return address ? JSON.stringify(address) : null;
}

/**
 * Country names and codes as people write them, by ISO 3166 code. Enough to
 * tell a domestic letter from one abroad and to write the city line in the
 * country's order; an unknown country is written as given, postal code first.
 */
const COUNTRY_NAMES: Record<string, string[]> = {
  DE: ['de', 'd', 'deu', 'germany', 'deutschland', 'brd', 'bundesrepublik deutschland', 'allemagne'],
  AT: ['at', 'a', 'aut', 'austria', 'österreich', 'oesterreich'],
  CH: ['ch', 'che', 'switzerland', 'schweiz', 'suisse', 'svizzera'],
  LI: ['li', 'liechtenstein'],
  LU: ['lu', 'luxembourg', 'luxemburg'],
  NL: ['nl', 'netherlands', 'the netherlands', 'niederlande', 'holland', 'nederland'],
  BE: ['be', 'belgium', 'belgien', 'belgique', 'belgië'],
  FR: ['fr', 'france', 'frankreich'],
  IT: ['it', 'italy', 'italien', 'italia'],
  ES: ['es', 'spain', 'spanien', 'españa'],
  PL: ['pl', 'poland', 'polen', 'polska'],
  DK: ['dk', 'denmark', 'dänemark', 'danmark'],
  SE: ['se', 'sweden', 'schweden', 'sverige'],
  NO: ['no', 'norway', 'norwegen', 'norge'],
  CZ: ['cz', 'czechia', 'czech republic', 'tschechien', 'česko'],
  GB: ['gb', 'uk', 'united kingdom', 'great britain', 'england', 'scotland', 'wales', 'großbritannien', 'grossbritannien', 'vereinigtes königreich'],
  IE: ['ie', 'ireland', 'irland', 'éire'],
  US: ['us', 'usa', 'u.s.', 'u.s.a.', 'united states', 'united states of america', 'vereinigte staaten', 'vereinigte staaten von amerika'],
  CA: ['ca', 'canada', 'kanada'],
  AU: ['au', 'australia', 'australien'],
};
const COUNTRY_BY_NAME = new Map(Object.entries(COUNTRY_NAMES).flatMap(([code, names]) => names.map((name) => [name, code] as const)));

/** The ISO 3166 code of a country as written ("Deutschland", "Germany", "DE"), or null when unknown. */
export function countryCode(country: string | null | undefined): string | null {
  if (!country) return null;
  return COUNTRY_BY_NAME.get(country.trim().toLowerCase()) ?? null;
}

/** Countries that write "City Region PostalCode" on one line. */
const CITY_FIRST = new Set(['US', 'CA', 'AU']);

export interface AddressLineOptions {
  /** The sender's country (ISO code): a letter within it leaves the country out. Germany by default. */
  homeCountry?: string;
}

/**
 * The lines of an address below the recipient, as on an envelope: street,
 * second line, the city line in the destination's order, and — abroad — the
 * country in capitals. An address without a country is taken as domestic.
 */
export function addressLines(address: PostalAddress, options: AddressLineOptions = {}): string[] {
  const home = (options.homeCountry ?? 'DE').toUpperCase();
  const code = countryCode(address.country);
  const lines: string[] = [];
  if (address.street) lines.push(address.street);
  if (address.street2) lines.push(address.street2);
  const join = (...parts: (string | null)[]) => parts.filter((p): p is string => Boolean(p)).join(' ');
  if (code !== null && CITY_FIRST.has(code)) {
    lines.push(join(address.city, address.region, address.postalCode));
  } else if (code === 'GB' || code === 'IE') {
    lines.push(join(address.city));
    if (address.region) lines.push(address.region);
    if (address.postalCode) lines.push(address.postalCode);
  } else {
    lines.push(join(address.postalCode, address.city));
    if (address.region && code !== 'DE' && code !== 'AT' && code !== 'CH') lines.push(address.region);
  }
  const abroad = address.country !== null && code !== home;
  if (abroad) lines.push((address.country as string).toLocaleUpperCase('de-DE'));
  return lines.filter((line) => line !== '');
}

/**
 * An address written on one line or a few, as people paste it:
 * "Lindenstraße 12, 10115 Berlin", "Hauptstr. 5, Hinterhaus, 80331 München,
 * Deutschland", or Google's formatted block ("Street\nCity, ST 62704\nUSA").
 * The part with a postal code and a city is found by its digits; what comes
 * before it is the street (and a second line), what follows the country.
 * Null when no city line can be found.
 */
export function parseAddressText(text: string): PostalAddress | null {
  const parts = text
    .split(/\r?\n|,|;/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  // "10115 Berlin", "D-10115 Berlin", "1010 Wien", "1234 AB Amsterdam", "113 58 Stockholm", "31-147 Kraków", "1100-053 Lisboa".
  const postalFirst = /^(?:[A-Z]{1,2}-)?(\d{4,5}(?: ?[A-Z]{2})?|\d{3} \d{2}|\d{2}-\d{3}|\d{4}-\d{3})\s+(\S.*)$/;
  // "Springfield IL 62704", "London SW1A 1AA" are written city first.
  const postalLast = /^(\D+?)\s+([A-Z]{2})?\s*(\d{5}(?:-\d{4})?)$/;
  for (let i = 1; i < parts.length; i++) {
    const line = parts[i] as string;
    // "Springfield, IL 62704": the city stood before the comma.
    const regionOnly = /^([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/.exec(line);
    const first = regionOnly ? null : postalFirst.exec(line);
    const last = regionOnly || first ? null : postalLast.exec(line);
    if (!first && !last && !regionOnly) continue;
    const streetParts = parts.slice(0, regionOnly ? i - 1 : i);
    if (streetParts.length === 0) continue;
    return makeAddress({
      street: streetParts[0],
      street2: streetParts.slice(1).join(', ') || null,
      postalCode: first ? first[1] : last ? last[3] : (regionOnly?.[2] ?? null),
      city: first ? first[2] : last ? last[1] : parts[i - 1],
      region: last ? (last[2] ?? null) : (regionOnly?.[1] ?? null),
      country: parts.slice(i + 1).join(', ') || null,
    });
  }
  return null;
}
