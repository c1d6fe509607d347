/** Test doubles for the core rules: a contact with plain defaults, overridden per test. */
import type { ContactFacts } from '../../src/core/contact.ts';
import type { TierCadences } from '../../src/core/types.ts';

export const CADENCES: TierCadences = { A: 60, B: 180 };

let nextId = 1;

/** An active B contact added on 2026-01-01, never touched, unless overridden. */
export function contact(overrides: Partial<ContactFacts> = {}): ContactFacts {
  return {
    id: nextId++,
    name: 'Anna Schmidt',
    tier: 'B',
    cadenceDays: null,
    status: 'active',
    source: 'add',
    place: null,
    snoozedUntil: null,
    metOn: null,
    createdOn: '2026-01-01',
    lastTouchOn: null,
    followUp: null,
    reviewedOn: null,
    ...overrides,
  };
}
