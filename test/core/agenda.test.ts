import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overdueScore, rankAgenda } from '../../src/core/agenda.ts';
import type { ContactFacts, ReminderFacts } from '../../src/core/contact.ts';
import { addDays } from '../../src/core/dates.ts';
import { CADENCES, contact } from './fixtures.ts';

const TODAY = '2026-06-15';

function reminder(contactId: number, due: string, id = contactId * 100): ReminderFacts {
  return { id, contactId, due, text: null };
}

function names(contacts: { contact: ContactFacts }[]): string[] {
  return contacts.map((i) => i.contact.name);
}

describe('the nudge choice', () => {
  it('due follow-ups come first, then due reminders, then overdue contacts', () => {
    const overdue = contact({ name: 'Olga', tier: 'A', lastTouchOn: '2026-01-01' });
    const reminded = contact({ name: 'Rita', tier: 'B', lastTouchOn: '2026-06-01' });
    const met = contact({ name: 'Mia', tier: 'B', metOn: '2026-06-14', followUp: { stage: 'first', due: '2026-06-15' } });
    const agenda = rankAgenda([overdue, reminded, met], [reminder(reminded.id, TODAY)], CADENCES, TODAY);
    expect(agenda.map((i) => [i.contact.name, i.reason])).toEqual([
      ['Mia', 'followup'],
      ['Rita', 'reminder'],
      ['Olga', 'overdue'],
    ]);
    expect(agenda[0]?.followUp).toEqual({ stage: 'first', due: '2026-06-15' });
    expect(agenda[1]?.reminder?.contactId).toBe(reminded.id);
  });

  it('the oldest due follow-up comes first', () => {
    const recent = contact({ name: 'Ada', followUp: { stage: 'first', due: '2026-06-14' } });
    const old = contact({ name: 'Zoe', followUp: { stage: 'second', due: '2026-06-01' } });
    expect(names(rankAgenda([recent, old], [], CADENCES, TODAY))).toEqual(['Zoe', 'Ada']);
  });

  it('a follow-up not yet due is not on the agenda', () => {
    const met = contact({ metOn: TODAY, lastTouchOn: TODAY, followUp: { stage: 'first', due: '2026-06-16' } });
    expect(rankAgenda([met], [], CADENCES, TODAY)).toEqual([]);
  });

  it('the oldest due reminder comes first; reminders due later are not on the agenda', () => {
    const a = contact({ name: 'Ada', lastTouchOn: TODAY });
    const b = contact({ name: 'Ben', lastTouchOn: TODAY });
    const c = contact({ name: 'Cem', lastTouchOn: TODAY });
    const agenda = rankAgenda(
      [a, b, c],
      [reminder(a.id, '2026-06-10'), reminder(b.id, '2026-06-02'), reminder(c.id, '2026-06-16')],
      CADENCES,
      TODAY,
    );
    expect(names(agenda)).toEqual(['Ben', 'Ada']);
  });

  it('a reminder for a C contact is on the agenda, with no cadence', () => {
    const carla = contact({ name: 'Carla', tier: 'C', lastTouchOn: '2025-01-01' });
    const agenda = rankAgenda([carla], [reminder(carla.id, TODAY)], CADENCES, TODAY);
    expect(agenda).toHaveLength(1);
    expect(agenda[0]).toMatchObject({ reason: 'reminder', overdueDays: null, lost: true });
  });

  it('a reminder for an archived or snoozed contact is not on the agenda', () => {
    const tom = contact({ status: 'archived' });
    const sam = contact({ snoozedUntil: '2026-06-20' });
    expect(rankAgenda([tom, sam], [reminder(tom.id, TODAY), reminder(sam.id, TODAY)], CADENCES, TODAY)).toEqual([]);
  });

  it('a reminder for a deleted contact is ignored', () => {
    expect(rankAgenda([], [reminder(999, TODAY)], CADENCES, TODAY)).toEqual([]);
  });

  it('a contact appears once, with its strongest reason', () => {
    const anna = contact({
      name: 'Anna',
      tier: 'A',
      lastTouchOn: '2026-01-01',
      followUp: { stage: 'tier', due: '2026-06-01' },
    });
    const agenda = rankAgenda([anna], [reminder(anna.id, '2026-06-10'), reminder(anna.id, '2026-06-05', 7)], CADENCES, TODAY);
    expect(agenda).toHaveLength(1);
    expect(agenda[0]?.reason).toBe('followup');
  });

  it('of several due reminders for one contact, the oldest is shown', () => {
    const bob = contact({ name: 'Bob', lastTouchOn: TODAY });
    const agenda = rankAgenda([bob], [reminder(bob.id, '2026-06-10', 1), reminder(bob.id, '2026-06-05', 2)], CADENCES, TODAY);
    expect(agenda).toHaveLength(1);
    expect(agenda[0]?.reminder?.id).toBe(2);
    expect(agenda[0]?.score).toBe(10);
  });

  it('archived, snoozed, C and D contacts are never on the overdue list', () => {
    const long = '2020-01-01';
    const agenda = rankAgenda(
      [
        contact({ tier: 'A', lastTouchOn: long, status: 'archived' }),
        contact({ tier: 'A', lastTouchOn: long, snoozedUntil: '2026-07-01' }),
        contact({ tier: 'C', lastTouchOn: long, cadenceDays: 30 }),
        contact({ tier: 'D', lastTouchOn: long }),
      ],
      [],
      CADENCES,
      TODAY,
    );
    expect(agenda).toEqual([]);
  });

  it('a contact whose snooze ends today is back on the agenda', () => {
    const bob = contact({ tier: 'A', lastTouchOn: '2026-01-01', snoozedUntil: TODAY });
    expect(rankAgenda([bob], [], CADENCES, TODAY)).toHaveLength(1);
  });

  it('a contact due today is on the agenda', () => {
    const anna = contact({ tier: 'A', lastTouchOn: addDays(TODAY, -60) });
    const agenda = rankAgenda([anna], [], CADENCES, TODAY);
    expect(agenda[0]).toMatchObject({ reason: 'overdue', overdueDays: 0, daysSinceContact: 60, score: 2 });
  });

  it('a contact not yet due is not overdue: due tomorrow it is early, to fill a day with fewer overdue than calls', () => {
    const agenda = rankAgenda([contact({ tier: 'A', lastTouchOn: addDays(TODAY, -59) })], [], CADENCES, TODAY);
    expect(agenda.map((i) => [i.reason, i.overdueDays])).toEqual([['early', -1]]);
  });

  it('a contact due in more than 30 days, or contacted less than half a cadence ago, is not on the agenda', () => {
    expect(rankAgenda([contact({ tier: 'B', lastTouchOn: addDays(TODAY, -149) })], [], CADENCES, TODAY)).toEqual([]);
    expect(rankAgenda([contact({ tier: 'A', lastTouchOn: addDays(TODAY, -29) })], [], CADENCES, TODAY)).toEqual([]);
  });
});

describe('ranking the overdue list', () => {
  it('score = days since contact / cadence × tier weight (A 2, B 1)', () => {
    expect(overdueScore(contact({ tier: 'A', lastTouchOn: addDays(TODAY, -90) }), CADENCES, TODAY)).toBe(3);
    expect(overdueScore(contact({ tier: 'B', lastTouchOn: addDays(TODAY, -270) }), CADENCES, TODAY)).toBe(1.5);
    expect(overdueScore(contact({ tier: 'C' }), CADENCES, TODAY)).toBeNull();
  });

  it('A outranks B at the same distance past the cadence', () => {
    const a = contact({ name: 'Zed', tier: 'A', lastTouchOn: addDays(TODAY, -66) });
    const b = contact({ name: 'Abe', tier: 'B', lastTouchOn: addDays(TODAY, -198) });
    expect(names(rankAgenda([b, a], [], CADENCES, TODAY))).toEqual(['Zed', 'Abe']);
  });

  it('a B contact far past its cadence outranks an A contact just due', () => {
    const a = contact({ name: 'Ada', tier: 'A', lastTouchOn: addDays(TODAY, -60) });
    const b = contact({ name: 'Ben', tier: 'B', lastTouchOn: addDays(TODAY, -400) });
    expect(names(rankAgenda([a, b], [], CADENCES, TODAY))).toEqual(['Ben', 'Ada']);
  });

  it('the ratio uses the per-contact cadence', () => {
    const weekly = contact({ name: 'Wim', tier: 'B', cadenceDays: 7, lastTouchOn: addDays(TODAY, -21) });
    const anna = contact({ name: 'Anna', tier: 'A', lastTouchOn: addDays(TODAY, -61) });
    const agenda = rankAgenda([anna, weekly], [], CADENCES, TODAY);
    expect(names(agenda)).toEqual(['Wim', 'Anna']);
    expect(agenda[0]?.score).toBe(3);
  });

  it('ties are broken by name, accents and case ignored', () => {
    const last = addDays(TODAY, -70);
    const agenda = rankAgenda(
      [
        contact({ name: 'bob', tier: 'A', lastTouchOn: last }),
        contact({ name: 'Ändrea', tier: 'A', lastTouchOn: last }),
        contact({ name: 'Carl', tier: 'A', lastTouchOn: last }),
      ],
      [],
      CADENCES,
      TODAY,
    );
    expect(names(agenda)).toEqual(['Ändrea', 'bob', 'Carl']);
  });

  it('a contact silent for 3 months carries the lost warning', () => {
    const agenda = rankAgenda([contact({ tier: 'A', lastTouchOn: addDays(TODAY, -95) })], [], CADENCES, TODAY);
    expect(agenda[0]?.lost).toBe(true);
  });
});

describe('agenda properties', () => {
  const date = fc
    .integer({ min: 0, max: 4000 })
    .map((n) => addDays('2020-01-01', n));
  const arbContact = fc.record({
    tier: fc.constantFrom('A', 'B', 'C', 'D' as const),
    status: fc.constantFrom('active', 'archived' as const),
    snoozedUntil: fc.option(date),
    lastTouchOn: fc.option(date),
    cadenceDays: fc.option(fc.integer({ min: -3, max: 400 })),
    followUp: fc.option(fc.record({ stage: fc.constantFrom('first', 'second', 'tier' as const), due: date })),
    name: fc.constantFrom('Anna', 'anna', 'Bob', 'Jürgen', 'Zoë'),
  });
  const network = fc.array(arbContact, { maxLength: 25 }).map((list) =>
    list.map((c, i) => contact({ ...c, id: i + 1 })),
  );

  it('an overdue pick is always active, not snoozed, A or B, and due', () => {
    fc.assert(
      fc.property(network, date, (contacts, today) => {
        for (const item of rankAgenda(contacts, [], CADENCES, today)) {
          if (item.reason !== 'overdue') continue;
          const c = item.contact;
          expect(c.status).toBe('active');
          expect(c.snoozedUntil === null || c.snoozedUntil <= today).toBe(true);
          expect(['A', 'B']).toContain(c.tier);
          expect(item.overdueDays).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('no contact appears twice, and the reasons come in order followup, reminder, back, overdue, early', () => {
    fc.assert(
      fc.property(
        network,
        fc.array(fc.record({ id: fc.nat(), contactId: fc.integer({ min: 1, max: 30 }), due: date, text: fc.constant(null) })),
        date,
        (contacts, reminders, today) => {
          const agenda = rankAgenda(contacts, reminders, CADENCES, today);
          const ids = agenda.map((i) => i.contact.id);
          expect(new Set(ids).size).toBe(ids.length);
          const rank = { followup: 0, reminder: 1, back: 2, overdue: 3, early: 4 };
          for (let i = 1; i < agenda.length; i++) {
            const prev = agenda[i - 1];
            const cur = agenda[i];
            if (prev === undefined || cur === undefined) continue;
            expect(rank[prev.reason]).toBeLessThanOrEqual(rank[cur.reason]);
            if (prev.reason === cur.reason) expect(prev.score).toBeGreaterThanOrEqual(cur.score);
          }
        },
      ),
    );
  });

  it('the agenda does not depend on the order of the contacts', () => {
    fc.assert(
      fc.property(network, date, (contacts, today) => {
        const forward = rankAgenda(contacts, [], CADENCES, today).map((i) => i.contact.id);
        const backward = rankAgenda([...contacts].reverse(), [], CADENCES, today).map((i) => i.contact.id);
        expect(backward).toEqual(forward);
      }),
    );
  });
});
