import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthdayGreetingsOn,
  birthdayIn,
  birthdaysInWeek,
  formatBirthday,
  isWeekday,
  nextBirthday,
  nextBirthdayAt,
  nudgeDayForBirthday,
  parseBirthday,
  type BirthdayContact,
} from '../../src/core/birthday.ts';
import { addDays, daysBetween, isoWeekday } from '../../src/core/dates.ts';
import type { Tier } from '../../src/core/types.ts';

let nextId = 1;
function person(name: string, birthday: string | null, tier: Tier = 'A', status = 'active'): BirthdayContact {
  return { id: nextId++, name, tier, status, birthday };
}

describe('birthdays: stored and ISO forms', () => {
  it.each([
    ['1985-03-12', { month: 3, day: 12, year: 1985 }],
    ['19850312', { month: 3, day: 12, year: 1985 }],
    ['1985-03-12T00:00:00Z', { month: 3, day: 12, year: 1985 }],
    ['03-12', { month: 3, day: 12, year: null }],
    ['--03-12', { month: 3, day: 12, year: null }],
    ['--0312', { month: 3, day: 12, year: null }],
    ['1604-03-12', { month: 3, day: 12, year: null }],
    ['0000-02-29', { month: 2, day: 29, year: null }],
    ['1984-02-29', { month: 2, day: 29, year: 1984 }],
  ])('%s is read as a birthday (a placeholder year before 1901 means none)', (text, expected) => {
    expect(parseBirthday(text)).toEqual(expected);
  });

  it.each(['1985-02-29', '02-30', '13-01', '--1301', '1985-3-12', 'March', '', '12.03.1985'])('%s is no birthday in the stored form', (text) => {
    expect(parseBirthday(text)).toBeNull();
  });

  it('the stored form is MM-DD without a year and YYYY-MM-DD with one, and reads back the same', () => {
    expect(formatBirthday({ month: 3, day: 2, year: null })).toBe('03-02');
    expect(formatBirthday({ month: 11, day: 30, year: 1979 })).toBe('1979-11-30');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.option(fc.integer({ min: 1901, max: 2025 })), (month, day, year) => {
        const text = formatBirthday({ month, day, year });
        const back = parseBirthday(text);
        if (back) expect(formatBirthday(back)).toBe(text);
      }),
    );
  });
});

describe('the next birthday', () => {
  it('29 February falls on 28 February in a year without one', () => {
    const leapDay = { month: 2, day: 29, year: 1984 };
    expect(birthdayIn(leapDay, 2027)).toBe('2027-02-28');
    expect(birthdayIn(leapDay, 2028)).toBe('2028-02-29');
    expect(nextBirthday(leapDay, '2027-03-01')).toBe('2028-02-29');
  });

  it('is today on the day itself, else the next one, across New Year', () => {
    const today = '2026-12-05';
    expect(nextBirthday({ month: 12, day: 5, year: null }, today)).toBe('2026-12-05');
    expect(nextBirthday({ month: 12, day: 4, year: null }, today)).toBe('2027-12-04');
    expect(nextBirthday({ month: 1, day: 1, year: 1990 }, today)).toBe('2027-01-01');
  });

  it('is seen from the user’s time zone: 23:30 UTC on 5 December is already the 6th in Berlin', () => {
    const now = new Date('2026-12-05T23:30:00Z');
    const birthday = { month: 12, day: 5, year: null };
    expect(nextBirthdayAt(birthday, now, 'Europe/Berlin')).toBe('2027-12-05');
    expect(nextBirthdayAt(birthday, now, 'America/New_York')).toBe('2026-12-05');
  });
});

describe('the day the nudge greets a birthday', () => {
  it('a birthday on a working day is greeted that day', () => {
    expect(nudgeDayForBirthday('2026-12-07')).toBe('2026-12-07'); // Monday
  });

  it('a birthday on a Saturday or Sunday is greeted on the Friday before', () => {
    expect(nudgeDayForBirthday('2026-12-05')).toBe('2026-12-04');
    expect(nudgeDayForBirthday('2026-12-06')).toBe('2026-12-04');
  });

  it('a holiday calendar passed in moves it further: Sunday 27 December after Christmas is greeted on the 24th', () => {
    const holidays = new Set(['2026-12-25', '2026-12-26']);
    const isWorkingDay = (date: string) => isWeekday(date) && !holidays.has(date);
    expect(nudgeDayForBirthday('2026-12-27', isWorkingDay)).toBe('2026-12-24');
  });

  it('without a working day in the two weeks before, the day itself', () => {
    expect(nudgeDayForBirthday('2026-08-15', () => false)).toBe('2026-08-15');
  });

  it('is never after the birthday, always a weekday, and at most two days early (weekends only)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const birthday = addDays('2024-01-01', offset);
        const greet = nudgeDayForBirthday(birthday);
        expect(isoWeekday(greet)).toBeLessThanOrEqual(5);
        expect(daysBetween(greet, birthday)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(greet, birthday)).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe("the week's birthdays (the Monday line)", () => {
  it('lists active A and B contacts whose birthday falls Monday to Sunday, in date order', () => {
    const contacts = [
      person('Anna Keller', '12-06', 'A'),
      person('Bob Meyer', '1980-11-30', 'B'),
      person('Carla C', '12-01', 'C'),
      person('Archived Anna', '12-02', 'A', 'archived'),
      person('Next Week', '12-07', 'A'),
      person('No Birthday', null, 'A'),
      person('Broken', 'not a date', 'A'),
    ];
    const week = birthdaysInWeek(contacts, '2026-12-03'); // Thursday: week of 30 Nov – 6 Dec
    expect(week.map((e) => [e.contact.name, e.on, e.greetOn, e.turns])).toEqual([
      ['Bob Meyer', '2026-11-30', '2026-11-30', 46],
      ['Anna Keller', '2026-12-06', '2026-12-04', null],
    ]);
  });

  it('other tiers on request', () => {
    const week = birthdaysInWeek([person('Carla C', '12-01', 'C')], '2026-12-03', { tiers: ['C'] });
    expect(week.map((e) => e.contact.name)).toEqual(['Carla C']);
  });

  it('a week across New Year finds January birthdays in the new year', () => {
    const week = birthdaysInWeek([person('Jan', '01-02', 'A'), person('Dez', '12-29', 'B')], '2026-12-30');
    expect(week.map((e) => e.on)).toEqual(['2026-12-29', '2027-01-02']);
  });
});

describe('whom the daily nudge greets', () => {
  const contacts = [person('Friday', '12-04'), person('Saturday', '12-05'), person('Sunday', '1976-12-06', 'B'), person('Monday', '12-07')];

  it("on Friday: Friday's, Saturday's and Sunday's birthdays", () => {
    expect(birthdayGreetingsOn(contacts, '2026-12-04').map((e) => [e.contact.name, e.on])).toEqual([
      ['Friday', '2026-12-04'],
      ['Saturday', '2026-12-05'],
      ['Sunday', '2026-12-06'],
    ]);
  });

  it('on the weekend nobody (they were greeted on Friday); on Monday only Monday’s', () => {
    expect(birthdayGreetingsOn(contacts, '2026-12-05')).toEqual([]);
    expect(birthdayGreetingsOn(contacts, '2026-12-07').map((e) => e.contact.name)).toEqual(['Monday']);
  });

  it('a New Year’s Day on a Saturday is greeted on the Friday before, in the old year, with the age it turns', () => {
    const greeted = birthdayGreetingsOn([person('Neujahr', '1986-01-01')], '2027-12-31');
    expect(greeted.map((e) => [e.on, e.turns])).toEqual([['2028-01-01', 42]]);
  });

  it('C contacts are passive: not greeted unless asked for', () => {
    const c = [person('Passive', '12-07', 'C')];
    expect(birthdayGreetingsOn(c, '2026-12-07')).toEqual([]);
    expect(birthdayGreetingsOn(c, '2026-12-07', { tiers: ['A', 'B', 'C'] })).toHaveLength(1);
  });
});
