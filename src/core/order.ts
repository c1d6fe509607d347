/**
 * The one tie-break of every ranked list: higher score first, then the name
 * (accents and titles dropped, see nameSortKey), then the raw name, then the
 * id — so equal scores never come out in an arbitrary order.
 */
import type { ContactFacts } from './contact.ts';
import { nameSortKey } from './names.ts';

/** Code-unit order of two strings: deterministic on every machine, no locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ordering rule for ranked lists: by `score` descending; ties by name, then id.
 * Returns a new array; the name keys are computed once per item.
 */
export function sortByScoreThenName<T>(
  items: readonly T[],
  score: (item: T) => number,
  contactOf: (item: T) => Pick<ContactFacts, 'id' | 'name'>,
): T[] {
  const keyed = items.map((item) => {
    const contact = contactOf(item);
    return { item, score: score(item), key: nameSortKey(contact.name), name: contact.name, id: contact.id };
  });
  keyed.sort(
    (a, b) => b.score - a.score || compareText(a.key, b.key) || compareText(a.name, b.name) || a.id - b.id,
  );
  return keyed.map((k) => k.item);
}
