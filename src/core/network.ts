/**
 * The size of the network against Dunbar's number (docs/design.md §1): nobody keeps
 * more than ~150 close relationships, so keepwarm warns when A + B > 150.
 */
import type { ContactFacts } from './contact.ts';
import { DUNBAR_LIMIT } from './method.ts';

export interface NetworkSize {
  /** Active contacts per tier. */
  A: number;
  B: number;
  C: number;
  D: number;
  /** All active contacts (A + B + C + D). */
  active: number;
  archived: number;
}

export interface DunbarWarning {
  /** Active A and B contacts: the relationships the user keeps warm. */
  close: number;
  limit: number;
  over: boolean;
}

/** Network rule for /stats: active contacts per tier, the active total and the archived count. */
export function networkSize(contacts: readonly Pick<ContactFacts, 'tier' | 'status'>[]): NetworkSize {
  const size: NetworkSize = { A: 0, B: 0, C: 0, D: 0, active: 0, archived: 0 };
  for (const contact of contacts) {
    if (contact.status === 'archived') {
      size.archived++;
    } else {
      size[contact.tier]++;
      size.active++;
    }
  }
  return size;
}

/** Dunbar rule: warn when more than 150 active contacts are A or B. */
export function dunbarWarning(contacts: readonly Pick<ContactFacts, 'tier' | 'status'>[]): DunbarWarning {
  const size = networkSize(contacts);
  const close = size.A + size.B;
  return { close, limit: DUNBAR_LIMIT, over: close > DUNBAR_LIMIT };
}
