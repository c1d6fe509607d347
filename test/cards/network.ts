/** An invented network for the card tests: 40 A and B contacts, 5 of them without an address, plus C, D and archived ones. */
import { makeAddress } from '../../src/core/address.ts';
import type { Tier } from '../../src/core/types.ts';
import type { CardContact } from '../../src/cards/list.ts';

const GIVEN = ['Anna', 'Jürgen', 'Sabine', 'Thomas', 'Özlem', 'Lukas', 'Greta', 'Mehmet', 'Ines', 'Björn'];
const FAMILY = ['Keller', 'Müller', 'Weber', 'Kern', 'Şahin', 'Groß', 'Łukasz', 'Yılmaz', 'Nørby', 'Brandt', 'Hoffmann', 'Schäfer'];
const CITIES: [string, string][] = [['10115', 'Berlin'], ['80331', 'München'], ['01067', 'Dresden'], ['50667', 'Köln'], ['20457', 'Hamburg']];

export interface TestNetwork {
  contacts: CardContact[];
  /** Ids of the 40 A and B contacts. */
  onList: number[];
  /** Ids of the 5 of them without a deliverable address. */
  missing: number[];
}

/** 40 active A/B contacts (ids 1–40; 36–40 lack an address), and 6 that are never on the default list. */
export function network40(): TestNetwork {
  const contacts: CardContact[] = [];
  for (let i = 0; i < 40; i++) {
    const [postalCode, city] = CITIES[i % CITIES.length] as [string, string];
    // 10 given and 12 family names: every pair is different for i < 60.
    const name = `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]}`;
    contacts.push({
      id: i + 1,
      name,
      tier: (i % 3 === 0 ? 'A' : 'B') as Tier,
      status: 'active',
      company: i % 4 === 0 ? `Firma ${i} GmbH` : null,
      salutation: i % 2 === 0 ? 'Frau' : 'Herr',
      academicTitle: i % 5 === 0 ? 'Dr.' : null,
      // 36–40: one with only a city, one with only a street, three with none.
      address:
        i >= 35
          ? i === 35
            ? makeAddress({ city: 'Kiel' })
            : i === 36
              ? makeAddress({ street: 'Nur Straße 1' })
              : null
          : makeAddress({ street: `Lindenstraße ${i + 1}`, postalCode, city, kind: i % 4 === 0 ? 'work' : 'home' }),
    });
  }
  const others: [Tier, string][] = [['C', 'active'], ['D', 'active'], ['A', 'archived'], ['B', 'archived'], ['C', 'active'], ['D', 'active']];
  others.forEach(([tier, status], index) =>
    contacts.push({
      id: 41 + index,
      name: `Andere Person ${index}`,
      tier,
      status,
      company: null,
      salutation: null,
      academicTitle: null,
      address: makeAddress({ street: 'Weg 1', postalCode: '24103', city: 'Kiel' }),
    }),
  );
  return { contacts, onList: contacts.slice(0, 40).map((c) => c.id), missing: [36, 37, 38, 39, 40] };
}
