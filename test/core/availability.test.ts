import { describe, expect, it } from 'vitest';
import { isActive, isPickable, isReachable, isSnoozed } from '../../src/core/availability.ts';
import { contact } from './fixtures.ts';

describe('snooze', () => {
  it('a snoozed contact is left out before the snooze date', () => {
    expect(isSnoozed(contact({ snoozedUntil: '2026-05-10' }), '2026-05-09')).toBe(true);
  });

  it('a snooze ending today is over: the contact is back on that date', () => {
    expect(isSnoozed(contact({ snoozedUntil: '2026-05-10' }), '2026-05-10')).toBe(false);
    expect(isPickable(contact({ tier: 'A', snoozedUntil: '2026-05-10' }), '2026-05-10')).toBe(true);
  });

  it('a snooze across New Year holds until the new date', () => {
    expect(isSnoozed(contact({ snoozedUntil: '2027-01-10' }), '2026-12-31')).toBe(true);
  });

  it('a contact without a snooze is not snoozed', () => {
    expect(isSnoozed(contact(), '2026-05-10')).toBe(false);
  });
});

describe('who may be picked', () => {
  it('active A and B contacts may be picked', () => {
    expect(isPickable(contact({ tier: 'A' }), '2026-05-10')).toBe(true);
    expect(isPickable(contact({ tier: 'B' }), '2026-05-10')).toBe(true);
  });

  it('C and D contacts are never picked', () => {
    expect(isPickable(contact({ tier: 'C' }), '2026-05-10')).toBe(false);
    expect(isPickable(contact({ tier: 'D' }), '2026-05-10')).toBe(false);
  });

  it('archived contacts are never picked', () => {
    const tom = contact({ tier: 'A', status: 'archived' });
    expect(isActive(tom)).toBe(false);
    expect(isPickable(tom, '2026-05-10')).toBe(false);
  });

  it('snoozed contacts are never picked', () => {
    expect(isPickable(contact({ tier: 'A', snoozedUntil: '2026-05-11' }), '2026-05-10')).toBe(false);
  });

  it('a C contact is reachable for a reminder, an archived or snoozed one is not', () => {
    expect(isReachable(contact({ tier: 'C' }), '2026-05-10')).toBe(true);
    expect(isReachable(contact({ tier: 'C', status: 'archived' }), '2026-05-10')).toBe(false);
    expect(isReachable(contact({ tier: 'C', snoozedUntil: '2026-06-01' }), '2026-05-10')).toBe(false);
  });
});
