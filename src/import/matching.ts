/**
 * Who a record of an import file is: the planner's index of the people it
 * knows (the network's contacts and the file's new ones), by address and by
 * name key. Every lookup costs the same however many people share a name, so
 * a file of 50,000 namesakes plans in time proportional to its length.
 *
 * The rule (plan.ts): the people with one of the record's addresses; else
 * the people of the same name key whose addresses do not contradict it —
 * those without an address, and those with one of the record's.
 */
import type { Target } from './plan.ts';

/** A person the planner knows. */
export interface Known {
  target: Target;
  /** Its name key. */
  key: string;
  /** Its addresses, lower case; a folded record of the file can add more. */
  emails: Set<string>;
}

export interface PeopleIndex {
  /** Makes a person findable by its addresses and its name key. */
  remember(known: Known): void;
  /** The people a record with this name key and these addresses (lower case) may be. */
  candidates(key: string, emails: readonly string[]): readonly Known[];
  /** A record folded into `known` brought addresses: it is found by name with those too. */
  addEmails(known: Known, emails: readonly string[]): void;
}

export function peopleIndex(): PeopleIndex {
  const byEmail = new Map<string, Known[]>();
  const byName = new Map<string, Known[]>();
  // By name key: those without any address, and those with a given one.
  const withoutEmail = new Map<string, Set<Known>>();
  const byNameEmail = new Map<string, Known[]>();

  const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const nameEmail = (key: string, email: string) => `${key}\u0000${email}`;

  return {
    remember(known) {
      for (const email of known.emails) add(byEmail, email, known);
      if (known.key === '') return;
      add(byName, known.key, known);
      if (known.emails.size === 0) {
        const set = withoutEmail.get(known.key) ?? new Set<Known>();
        set.add(known);
        withoutEmail.set(known.key, set);
      }
      for (const email of known.emails) add(byNameEmail, nameEmail(known.key, email), known);
    },

    candidates(key, emails) {
      const byAddress = emails.length === 1 ? (byEmail.get(emails[0] as string) ?? []) : [...new Set(emails.flatMap((e) => byEmail.get(e) ?? []))];
      if (byAddress.length > 0) return byAddress;
      // Without an address, every namesake is a candidate.
      if (emails.length === 0) return byName.get(key) ?? [];
      return [...new Set([...(withoutEmail.get(key) ?? []), ...emails.flatMap((e) => byNameEmail.get(nameEmail(key, e)) ?? [])])];
    },

    addEmails(known, emails) {
      for (const email of emails) {
        if (known.emails.has(email)) continue;
        known.emails.add(email);
        if (known.key === '') continue;
        withoutEmail.get(known.key)?.delete(known);
        add(byNameEmail, nameEmail(known.key, email), known);
      }
    },
  };
}
