import { describe, expect, it } from 'vitest';
import {
  cadenceDaysFor,
  daysSinceContact,
  isDue,
  isLost,
  lastContactOn,
  nextDueOn,
  overdueDays,
} from '../../src/core/cadence.ts';
import { CADENCES, contact } from './fixtures.ts';

describe('cadence per tier', () => {
  it('A contacts are due again after 2 months (60 days) and B after 6 months (180 days)', () => {
    expect(cadenceDaysFor(contact({ tier: 'A' }), CADENCES)).toBe(60);
    expect(cadenceDaysFor(contact({ tier: 'B' }), CADENCES)).toBe(180);
  });

  it('C and D contacts have no cadence: they are never nudged', () => {
    expect(cadenceDaysFor(contact({ tier: 'C' }), CADENCES)).toBeNull();
    expect(cadenceDaysFor(contact({ tier: 'D' }), CADENCES)).toBeNull();
    expect(nextDueOn(contact({ tier: 'C' }), CADENCES)).toBeNull();
    expect(overdueDays(contact({ tier: 'D' }), CADENCES, '2030-01-01')).toBeNull();
  });

  it("the user's tier cadences replace the defaults", () => {
    expect(cadenceDaysFor(contact({ tier: 'A' }), { A: 45, B: 90 })).toBe(45);
  });

  it('a per-contact cadence overrides the tier cadence', () => {
    const carla = contact({ tier: 'B', cadenceDays: 21, lastTouchOn: '2026-03-01' });
    expect(cadenceDaysFor(carla, CADENCES)).toBe(21);
    expect(nextDueOn(carla, CADENCES)).toBe('2026-03-22');
  });

  it('a zero or negative per-contact cadence is ignored, the tier cadence applies', () => {
    expect(cadenceDaysFor(contact({ tier: 'A', cadenceDays: 0 }), CADENCES)).toBe(60);
    expect(cadenceDaysFor(contact({ tier: 'A', cadenceDays: -5 }), CADENCES)).toBe(60);
  });
});

describe('counting from the last contact', () => {
  it('the cadence counts from the last touch, else the day they met, else the day the contact was added', () => {
    expect(lastContactOn(contact({ lastTouchOn: '2026-03-05', metOn: '2026-02-01' }))).toBe('2026-03-05');
    expect(lastContactOn(contact({ metOn: '2026-02-01' }))).toBe('2026-02-01');
    expect(lastContactOn(contact({ createdOn: '2026-01-15' }))).toBe('2026-01-15');
  });

  it('days since contact are whole calendar days', () => {
    expect(daysSinceContact(contact({ lastTouchOn: '2026-03-01' }), '2026-03-01')).toBe(0);
    expect(daysSinceContact(contact({ lastTouchOn: '2026-02-28' }), '2026-03-01')).toBe(1);
    expect(daysSinceContact(contact({ lastTouchOn: '2024-02-28' }), '2024-03-01')).toBe(2);
  });

  it('an A contact is overdue 61 days after the last touch', () => {
    const anna = contact({ tier: 'A', lastTouchOn: '2026-01-10' });
    expect(nextDueOn(anna, CADENCES)).toBe('2026-03-11');
    expect(overdueDays(anna, CADENCES, '2026-03-10')).toBe(-1);
    expect(overdueDays(anna, CADENCES, '2026-03-11')).toBe(0);
    expect(overdueDays(anna, CADENCES, '2026-03-12')).toBe(1);
  });

  it('a contact due today is due but not yet overdue', () => {
    const anna = contact({ tier: 'A', lastTouchOn: '2026-01-10' });
    expect(isDue(anna, CADENCES, '2026-03-10')).toBe(false);
    expect(isDue(anna, CADENCES, '2026-03-11')).toBe(true);
    expect(overdueDays(anna, CADENCES, '2026-03-11')).toBe(0);
  });

  it('the due date crosses the year boundary', () => {
    const bob = contact({ tier: 'A', lastTouchOn: '2026-11-15' });
    expect(nextDueOn(bob, CADENCES)).toBe('2027-01-14');
    expect(overdueDays(bob, CADENCES, '2027-01-20')).toBe(6);
  });

  it('C and D contacts are never due, however long silent', () => {
    expect(isDue(contact({ tier: 'C', lastTouchOn: '2020-01-01' }), CADENCES, '2026-01-01')).toBe(false);
  });
});

describe('the 3-months lost warning', () => {
  it('a contact not contacted for 90 days is effectively lost', () => {
    const bob = contact({ lastTouchOn: '2026-01-01' });
    expect(isLost(bob, '2026-03-31')).toBe(false); // 89 days
    expect(isLost(bob, '2026-04-01')).toBe(true); // 90 days
  });

  it('a contact never touched counts from the day they met', () => {
    expect(isLost(contact({ metOn: '2026-05-01', createdOn: '2026-01-01' }), '2026-06-01')).toBe(false);
  });
});
