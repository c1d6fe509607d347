/**
 * The Christmas-card list (DESIGN §1: cards to the A and B contacts): who gets
 * a card this year, with the address it goes to, and who cannot get one yet
 * because their address is missing. Pure: contacts in, list out.
 */
import { isDeliverable, type PostalAddress } from '../core/address.ts';
import { personName, type PersonName } from '../core/honorifics.ts';
import type { Tier } from '../core/types.ts';

/** A contact as the card list needs it (the store's Contact fits). */
export interface CardContact {
  id: number;
  name: string;
  tier: Tier;
  status: string;
  company: string | null;
  salutation: string | null;
  academicTitle: string | null;
  address: PostalAddress | null;
}

export interface CardEntry {
  contactId: number;
  tier: Tier;
  person: PersonName;
  company: string | null;
  /** Null for the entries of `missing`. */
  address: PostalAddress | null;
}

export interface CardList {
  year: number;
  tiers: Tier[];
  /** Everyone a card can go to, by family name. */
  entries: CardEntry[];
  /** On the list but without an address a card can go to (no street or no city), by family name. */
  missing: CardEntry[];
}

/** The method's default: cards to the A and B contacts. */
export const CARD_TIERS: readonly Tier[] = ['A', 'B'];

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** "von Weber" is filed under W, as German lists (DIN 5007-2) and phone books do. */
function filedUnder(family: string): string {
  return family.replace(/^(?:\p{Ll}+\s+)+/u, '');
}

function byFamilyName(a: CardEntry, b: CardEntry): number {
  return (
    collator.compare(filedUnder(a.person.family), filedUnder(b.person.family)) ||
    collator.compare(a.person.given, b.person.given) ||
    a.contactId - b.contactId
  );
}

/**
 * Card rule: the year's list — active contacts of the chosen tiers (A and B
 * unless others are asked for; archived contacts never), split into those
 * with a deliverable address and those without.
 */
export function cardList(contacts: readonly CardContact[], tiers: readonly Tier[] = CARD_TIERS, year: number): CardList {
  const chosen = new Set(tiers.length > 0 ? tiers : CARD_TIERS);
  const entries: CardEntry[] = [];
  const missing: CardEntry[] = [];
  for (const contact of contacts) {
    if (contact.status !== 'active' || !chosen.has(contact.tier)) continue;
    const deliverable = isDeliverable(contact.address);
    const entry: CardEntry = {
      contactId: contact.id,
      tier: contact.tier,
      person: personName(contact.name, { salutation: contact.salutation, title: contact.academicTitle }),
      company: contact.company,
      address: deliverable ? contact.address : null,
    };
    (deliverable ? entries : missing).push(entry);
  }
  return { year, tiers: [...chosen].sort(), entries: entries.sort(byFamilyName), missing: missing.sort(byFamilyName) };
}
