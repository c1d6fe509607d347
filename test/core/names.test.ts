import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchContacts, nameKey, nameSortKey, prepareCandidates } from '../../src/core/names.ts';

let nextId = 1;
function people(...names: string[]): { id: number; name: string }[] {
  return names.map((name) => ({ id: nextId++, name }));
}
function idOf(list: { id: number; name: string }[], name: string): number {
  const found = list.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found.id;
}

describe('the search key of a name', () => {
  it('ignores case, accents, punctuation, extra spaces and titles', () => {
    expect(nameKey('  Dr.  Renée   O’Brien-Smith ')).toBe('renee obrien smith');
    expect(nameKey('Prof. Dr. Ana Núñez')).toBe('ana nunez');
    expect(nameKey('Dipl.-Ing. Carla Rossi')).toBe('carla rossi');
  });

  it('Jürgen, Juergen and Jurgen share one key', () => {
    expect(nameKey('Jürgen')).toBe(nameKey('Juergen'));
    expect(nameKey('Jurgen')).toBe(nameKey('Jürgen'));
    expect(nameKey('Dr. Jürgen Müller')).toBe(nameKey('juergen mueller'));
  });

  it('ß is ss', () => {
    expect(nameKey('Strauß')).toBe(nameKey('Strauss'));
    expect(nameKey('STRAUẞ')).toBe('strauss');
  });

  it('a name that is only a title keeps it', () => {
    expect(nameKey('Dr.')).toBe('dr');
  });

  it('sorting ignores titles and accents but does not fold umlauts', () => {
    expect(nameSortKey('Dr. Zoë Adler')).toBe('zoe adler');
    expect(nameSortKey('Jürgen')).toBe('jurgen');
  });
});

describe('finding a contact by name', () => {
  const list = people('Dr. Jürgen Müller', 'Anna Schmidt', 'Anna Schulz', 'Bob Meyer', 'Carla Rossi', 'Strauß');

  it('case does not matter', () => {
    expect(matchContacts('bob meyer', list)).toEqual({ kind: 'one', id: idOf(list, 'Bob Meyer') });
  });

  it('Jurgen finds Jürgen', () => {
    expect(matchContacts('Jurgen', list)).toEqual({ kind: 'one', id: idOf(list, 'Dr. Jürgen Müller') });
  });

  it('Juergen and Jürgen find Jürgen too', () => {
    const id = idOf(list, 'Dr. Jürgen Müller');
    expect(matchContacts('Juergen', list)).toEqual({ kind: 'one', id });
    expect(matchContacts('Jürgen', list)).toEqual({ kind: 'one', id });
  });

  it('Muller, Mueller and Müller find Müller', () => {
    const id = idOf(list, 'Dr. Jürgen Müller');
    for (const q of ['Muller', 'Mueller', 'Müller', 'MÜLLER']) expect(matchContacts(q, list)).toEqual({ kind: 'one', id });
  });

  it('a name stored without umlauts is found with them', () => {
    const ascii = people('Juergen Mueller');
    const id = ascii[0]?.id;
    expect(matchContacts('Jürgen', ascii)).toEqual({ kind: 'one', id });
    expect(matchContacts('Muller', ascii)).toEqual({ kind: 'one', id });
    expect(matchContacts('Mül', ascii)).toEqual({ kind: 'one', id });
  });

  it('the title may be given or left out', () => {
    const id = idOf(list, 'Dr. Jürgen Müller');
    expect(matchContacts('Jürgen Müller', list)).toEqual({ kind: 'one', id });
    expect(matchContacts('Prof. Jurgen Mueller', list)).toEqual({ kind: 'one', id });
  });

  it('Strauss finds Strauß', () => {
    expect(matchContacts('strauss', list)).toEqual({ kind: 'one', id: idOf(list, 'Strauß') });
  });

  it('the first name alone is enough when it is unique', () => {
    expect(matchContacts('Carla', list)).toEqual({ kind: 'one', id: idOf(list, 'Carla Rossi') });
  });

  it('the last name alone is enough when it is unique', () => {
    expect(matchContacts('Rossi', list)).toEqual({ kind: 'one', id: idOf(list, 'Carla Rossi') });
  });

  it('two Annas are asked about, never guessed', () => {
    expect(matchContacts('Anna', list)).toEqual({
      kind: 'many',
      ids: [idOf(list, 'Anna Schmidt'), idOf(list, 'Anna Schulz')],
    });
  });

  it('"Anna Sch" is still both Annas; "Anna Schm" is one', () => {
    expect(matchContacts('Anna Sch', list).kind).toBe('many');
    expect(matchContacts('Anna Schm', list)).toEqual({ kind: 'one', id: idOf(list, 'Anna Schmidt') });
  });

  it('word order does not matter', () => {
    expect(matchContacts('Schulz Anna', list)).toEqual({ kind: 'one', id: idOf(list, 'Anna Schulz') });
    expect(matchContacts('Schulz, Anna', list)).toEqual({ kind: 'one', id: idOf(list, 'Anna Schulz') });
  });

  it('a unique prefix finds the contact', () => {
    expect(matchContacts('Jür', list)).toEqual({ kind: 'one', id: idOf(list, 'Dr. Jürgen Müller') });
    expect(matchContacts('Mey', list)).toEqual({ kind: 'one', id: idOf(list, 'Bob Meyer') });
    expect(matchContacts('Ca Ro', list)).toEqual({ kind: 'one', id: idOf(list, 'Carla Rossi') });
  });

  it('prefixes find distinct words in any order, even when the first fit is the wrong one', () => {
    const list = people('Anton Anna');
    expect(matchContacts('An Ant', list)).toEqual({ kind: 'one', id: list[0]?.id });
    expect(matchContacts('Ant Ant', list)).toEqual({ kind: 'none' });
  });

  // Trying every assignment of 9 prefixes to 30 words would not end within the
  // test's time bound (a hang, not a timing: speed is `npm run bench -- commands`).
  it('an odd query of many repeated words is answered, not searched exhaustively', () => {
    const list = people(`${Array.from({ length: 29 }, () => 'Al').join(' ')} Bo`);
    expect(matchContacts('a a a a a a a b b', list)).toEqual({ kind: 'none' });
    expect(matchContacts('a a a a a a a b', list)).toEqual({ kind: 'one', id: list[0]?.id });
  });

  it('a prefix shared by several contacts is asked about', () => {
    expect(matchContacts('Sch', list)).toEqual({
      kind: 'many',
      ids: [idOf(list, 'Anna Schmidt'), idOf(list, 'Anna Schulz')],
    });
  });

  it('an unknown name finds nobody', () => {
    expect(matchContacts('Xaver', list)).toEqual({ kind: 'none' });
    expect(matchContacts('Anna Meyer', list)).toEqual({ kind: 'none' });
  });

  it('an empty or punctuation-only query finds nobody', () => {
    expect(matchContacts('', list)).toEqual({ kind: 'none' });
    expect(matchContacts(' .,- ', list)).toEqual({ kind: 'none' });
  });

  it('a query longer than the name finds nobody', () => {
    expect(matchContacts('Carla Maria Rossi', list)).toEqual({ kind: 'none' });
  });

  it('"Joe" does not find John: a typed name is never shortened for a prefix', () => {
    expect(matchContacts('Joe', people('John Smith'))).toEqual({ kind: 'none' });
    expect(matchContacts('Sue', people('Susan Park'))).toEqual({ kind: 'none' });
  });
});

describe('levels: the first level with a hit wins', () => {
  it('an exact whole name wins over a first-name match', () => {
    const list = people('Anna', 'Anna Schmidt');
    expect(matchContacts('anna', list)).toEqual({ kind: 'one', id: idOf(list, 'Anna') });
  });

  it('two contacts with the same exact name are asked about', () => {
    const list = people('Anna Schmidt', 'Anna Schmidt', 'Anna Schmidtke');
    expect(matchContacts('Anna Schmidt', list)).toEqual({ kind: 'many', ids: [list[0]?.id, list[1]?.id] });
  });

  it('a whole word wins over a prefix: "Tom" finds Tom Berg, not Tomás Ruiz', () => {
    const list = people('Tomás Ruiz', 'Tom Berg');
    expect(matchContacts('Tom', list)).toEqual({ kind: 'one', id: idOf(list, 'Tom Berg') });
    expect(matchContacts('Toma', list)).toEqual({ kind: 'one', id: idOf(list, 'Tomás Ruiz') });
  });

  it('a first name that is also another contact’s last name is asked about', () => {
    const list = people('Martin Weber', 'Klaus Martin');
    expect(matchContacts('Martin', list).kind).toBe('many');
  });
});

describe('prepared candidates', () => {
  it('give the same answers as plain candidates', () => {
    const list = people('Dr. Jürgen Müller', 'Anna Schmidt', 'Anna Schulz');
    const prepared = prepareCandidates(list);
    for (const q of ['Jurgen', 'Anna', 'Anna Schu', 'Mueller', 'x']) {
      expect(matchContacts(q, prepared)).toEqual(matchContacts(q, list));
    }
  });

  it('among 10,000 candidates the one that fits is found, and a shared surname is asked about', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: i, name: `Person${i} Nachname${i % 97}` }));
    many.push({ id: 99_999, name: 'Dr. Jürgen Müller' });
    const prepared = prepareCandidates(many);
    expect(matchContacts('Juergen', prepared)).toEqual({ kind: 'one', id: 99_999 });
    expect(matchContacts('Person9999', prepared)).toEqual({ kind: 'one', id: 9_999 });
    const shared = matchContacts('Nachname5', prepared);
    expect(shared.kind).toBe('many');
  });
});

describe('matching properties', () => {
  const name = fc.stringMatching(/^[A-Za-zÄÖÜäöüßé' .-]{0,20}$/);
  const candidates = fc.array(name, { maxLength: 12 }).map((names) => names.map((n, id) => ({ id, name: n })));

  it('"one" is always one of the candidates, and "many" lists distinct candidates', () => {
    fc.assert(
      fc.property(name, candidates, (query, list) => {
        const result = matchContacts(query, list);
        const ids = new Set(list.map((c) => c.id));
        if (result.kind === 'one') expect(ids.has(result.id)).toBe(true);
        if (result.kind === 'many') {
          expect(result.ids.length).toBeGreaterThan(1);
          expect(new Set(result.ids).size).toBe(result.ids.length);
          for (const id of result.ids) expect(ids.has(id)).toBe(true);
        }
      }),
    );
  });

  it('every contact is found by its own name, alone or with others', () => {
    fc.assert(
      fc.property(candidates, (list) => {
        for (const c of list) {
          if (nameKey(c.name) === '') continue;
          const result = matchContacts(c.name, list);
          if (result.kind === 'one') expect(result.id).toBe(c.id);
          else expect(result.kind === 'many' && result.ids.includes(c.id)).toBe(true);
        }
      }),
    );
  });

  it('a query matching exactly one candidate never depends on the other names being first or last', () => {
    fc.assert(
      fc.property(name, candidates, (query, list) => {
        const forward = matchContacts(query, list);
        const backward = matchContacts(query, [...list].reverse());
        expect(backward.kind).toBe(forward.kind);
        if (forward.kind === 'one' && backward.kind === 'one') expect(backward.id).toBe(forward.id);
      }),
    );
  });
});
