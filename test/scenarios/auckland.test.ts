/**
 * Six weeks of an English-speaking user in Auckland, day by day, from Monday
 * 15 March to Monday 26 April 2027: Easter (Good Friday and Easter Monday),
 * the end of daylight saving on Sunday 4 April (UTC+13 to UTC+12), and Anzac
 * Day falling on a Sunday (observed on the Monday). New Zealand's holidays
 * come by default from the language and the time zone. Each morning is lived
 * at 09:00 local and checked empty at 08:59, so the nudge follows the wall
 * clock of Auckland across the switch.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isoWeekday } from '../../src/core/dates.ts';
import { callsIn, expectEveryMorningTrue, expectUnansweredNamedAgain, lived, type Life } from './lived.ts';

/** New Zealand's public holidays in these weeks that fall on a weekday. */
const HOLIDAYS = ['2027-03-26', '2027-03-29', '2027-04-26'];

const ANSWERED: Record<string, string[]> = { '2027-03-25': ['Ben'], '2027-04-02': ['Kiri'] };

let life: Life;
const replies = new Map<string, string>();

beforeAll(async () => {
  life = await lived({ locale: 'en', timeZone: 'Pacific/Auckland', start: '2027-03-15', time: '09:00', notYetAt: '08:59' });
  const { say } = life;
  replies.set('holidays', await say('/settings holidays'));
  await say('/add Aroha Ngata, tier A, last talked 2 months ago');
  await say('/add Ben Carter, tier B, last talked 7 months ago');
  await say('/add Kiri Walker, tier A, last talked 6 weeks ago');
  await say('/add Liam Chen, tier B, last talked 5 months ago');
  await say('/add Mere Parata, tier A, last talked 5 weeks ago');
  await life.live('2027-03-15', '2027-04-26', {
    '2027-03-25': async () => {
      replies.set('no answer Ben', await say('no answer Ben'));
      replies.set('met Sam', await say('/met Sam Fox at the Wellington meetup, tier B'));
    },
    '2027-03-30': async () => void replies.set('done Sam', await say('done Sam')),
    '2027-04-02': async () => {
      replies.set('snooze Kiri', await say('/snooze Kiri until Monday'));
      replies.set('remind Liam', await say('/remind Liam on April 9 send the slides'));
    },
    '2027-04-13': async () => void replies.set('today 3', await say('/today 3')),
  });
}, 120_000);

describe('six weeks in Auckland across the end of daylight saving', () => {
  it('New Zealand is the default holiday region for an English speaker in Pacific/Auckland', () => {
    expect(replies.get('holidays')).toContain('NZ');
  });

  it('the nudge comes at 09:00 local on every working day, before and after the clocks go back, never on Easter or Anzac Day', () => {
    for (const m of life.mornings.values()) {
      expect(m.nudge !== undefined, `nudge on ${m.date}`).toBe(isoWeekday(m.date) <= 5 && !HOLIDAYS.includes(m.date));
    }
  });

  it('every nudge names exactly the calls of /today, and someone overdue while /overdue lists anyone', () => {
    expectEveryMorningTrue(life);
  });

  it('an unanswered overdue person is named again within two nudge days', () => {
    expect(expectUnansweredNamedAgain(life, ANSWERED)).toBeGreaterThan(5);
  });

  it('/today 3 starts with the calls the nudge names and adds the next one', () => {
    const nudgeCalls = callsIn(life.morning('2027-04-13').nudge);
    const three = callsIn(replies.get('today 3'));
    expect(three).toHaveLength(3);
    expect(three.slice(0, nudgeCalls.length)).toEqual(nudgeCalls);
  });

  it('"no answer" before Easter promises the Tuesday after Easter Monday, and that nudge keeps it', () => {
    expect(replies.get('no answer Ben')).toContain('Tue 30 Mar');
    expect(life.morning('2027-03-30').nudge).toContain('Ben Carter (B) — back as promised');
  });

  it('a follow-up due on Good Friday is suggested after Easter, and the second touch two weeks on', () => {
    expect(replies.get('met Sam')).toContain('Tue 30 Mar');
    expect(life.morning('2027-03-30').nudge).toContain('• Sam Fox (Wellington meetup');
    expect(replies.get('done Sam')).toContain('Tue 13 Apr');
    expect(life.morning('2027-04-13').nudge).toContain('• Sam Fox — a second touch');
  });

  it('a snooze across the switch ends on the Monday after it, and that nudge names them', () => {
    expect(replies.get('snooze Kiri')).toContain('Mon 5 Apr');
    expect(callsIn(life.morning('2027-04-05').nudge)).toContain('Kiri Walker');
  });

  it('a reminder comes on its day', () => {
    expect(replies.get('remind Liam')).toContain('Fri 9 Apr');
    expect(life.morning('2027-04-09').nudge).toMatch(/Liam Chen \(B\) — reminder\n⏰ send the slides/u);
  });
});
