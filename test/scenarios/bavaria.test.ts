/**
 * Six weeks of a German user in Bavaria, day by day, from Monday 14 December
 * 2026 to Sunday 24 January 2027: Christmas, New Year and Epiphany (a public
 * holiday in Bavaria only), a pause, a no-answer, a snooze, a C contact met at
 * a Christmas party, a follow-up never done, unanswered picks, and a reminder
 * and a touch on the same person. Each reply's promise is checked against the
 * mornings after it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isoWeekday } from '../../src/core/dates.ts';
import { callsIn, expectEveryMorningTrue, expectUnansweredNamedAgain, lived, type Life } from './lived.ts';

/** Bavaria's public holidays in these weeks that fall on a weekday. */
const HOLIDAYS = ['2026-12-25', '2027-01-01', '2027-01-06'];
const PAUSED = ['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15'];

/** Who the user answered about, per day (the rest of each nudge is left unanswered). */
const ANSWERED: Record<string, string[]> = { '2026-12-14': ['Anna'], '2026-12-18': ['Bernd'], '2026-12-23': ['Clara'], '2026-12-30': ['Bernd'], '2027-01-08': ['Eva'], '2027-01-18': ['Eva'] };

let life: Life;
const replies = new Map<string, string>();

beforeAll(async () => {
  life = await lived({ locale: 'de', timeZone: 'Europe/Berlin', start: '2026-12-14', time: '09:30' });
  const { say } = life;
  await say('/settings holidays DE-BY');
  await say('/add Anna Schmidt, Stufe A, zuletzt gesprochen vor 2 Monaten');
  await say('/add Bernd Huber, Stufe B, zuletzt gesprochen vor 6 Monaten');
  await say('/add Clara Wolf, Stufe A, zuletzt gesprochen vor 5 Wochen');
  await say('/add Dieter Lang, Stufe B, zuletzt gesprochen vor 5 Monaten');
  await say('/add Eva Roth, Stufe A, zuletzt gesprochen vor 7 Wochen');
  replies.set('met Ole', await say('/met Ole Berg auf der Weihnachtsfeier, Stufe C'));
  await life.live('2026-12-14', '2027-01-24', {
    '2026-12-14': async () => {
      replies.set('done Anna', await say('erledigt Anna'));
      replies.set('undo', await say('/undo'));
      await say('erledigt Anna');
    },
    '2026-12-16': async () => void replies.set('met Mo', await say('/met Mo Klein auf dem Stammtisch, Stufe B')),
    '2026-12-18': async () => void replies.set('no answer Bernd', await say('nicht erreicht Bernd')),
    '2026-12-23': async () => {
      replies.set('done Ole', await say('erledigt Ole'));
      replies.set('no answer Clara', await say('nicht erreicht Clara'));
    },
    '2026-12-30': async () => void replies.set('snooze Bernd', await say('/snooze Bernd 1 Woche')),
    '2027-01-04': async () => void replies.set('remind Eva', await say('/remind Eva am 8. Januar Angebot schicken')),
    '2027-01-07': async () => void replies.set('pause', await say('/pause vom 11.1. bis 15.1.')),
    '2027-01-08': async () => void replies.set('touch Eva', await say('mit Eva telefoniert')),
    '2027-01-18': async () => {
      const nudge = life.w.messenger.sent.at(-1)!;
      const done = nudge.reply.buttons?.flat().find((b) => b.label.includes('Eva Roth'));
      if (!done) throw new Error(`no button for Eva in: ${nudge.reply.buttons?.flat().map((b) => b.label).join(' | ')}`);
      replies.set('done reminder', (await life.w.chat.pressAction(done.action), life.w.chat.text()));
    },
  });
}, 120_000);

describe('six weeks in Bavaria (DE-BY)', () => {
  it('a pause over a range of days said ahead of it keeps the nudges until it starts', () => {
    expect(replies.get('pause')).toContain('Keine Erinnerungen von Mo, 11. Jan bis einschließlich Fr, 15. Jan');
    expect(life.morning('2027-01-08').nudge).toBeDefined();
    expect(life.morning('2027-01-18').nudge).toBeDefined();
  });

  it('a nudge comes on every working day, none on weekends, Christmas, New Year, Epiphany or while paused', () => {
    for (const m of life.mornings.values()) {
      const expected = isoWeekday(m.date) <= 5 && !HOLIDAYS.includes(m.date) && !PAUSED.includes(m.date);
      expect(m.nudge !== undefined, `nudge on ${m.date}`).toBe(expected);
    }
    // Christmas Eve and New Year's Eve are not public holidays: the nudge comes.
    expect(life.morning('2026-12-24').nudge).toBeDefined();
    expect(life.morning('2026-12-31').nudge).toBeDefined();
  });

  it('every nudge names exactly the calls of /today, and someone overdue while /overdue lists anyone', () => {
    expectEveryMorningTrue(life);
  });

  it('an unanswered overdue person is named again within two nudge days', () => {
    expect(expectUnansweredNamedAgain(life, ANSWERED)).toBeGreaterThan(10);
  });

  it('/undo of an answer reopens the person in the nudge', () => {
    expect(replies.get('done Anna')).toContain('Anna Schmidt — ✅ erledigt (wieder fällig Fr, 12. Feb 2027)');
    expect(replies.get('undo')).toMatch(/^1\. Anna Schmidt \(A\) — 1 Tag überfällig/mu);
  });

  it('"no answer" on a Friday promises Monday, and Monday names them as promised', () => {
    expect(replies.get('no answer Bernd')).toContain('ich schlage den Kontakt am Mo, 21. Dez wieder vor');
    expect(life.morning('2026-12-21').nudge).toContain('Bernd Huber (B) — wieder dran wie versprochen');
  });

  it('"no answer" before Christmas promises the first working day after it, and that day keeps it', () => {
    expect(replies.get('no answer Clara')).toContain('ich schlage den Kontakt am Mo, 28. Dez wieder vor');
    expect(life.morning('2026-12-28').nudge).toContain('Clara Wolf (A) — wieder dran wie versprochen');
  });

  it('a snooze ending on Epiphany ends on the working day after, and that nudge names them', () => {
    expect(replies.get('snooze Bernd')).toContain('bis Do, 7. Jan 2027');
    expect(callsIn(life.morning('2027-01-07').nudge)).toContain('Bernd Huber');
  });

  it('a C contact met at a party is followed up as promised, marked late after 48 hours, and the second touch avoids Epiphany', () => {
    expect(replies.get('met Ole')).toContain('Ich schlage das Nachfassen am Di, 15. Dez vor');
    expect(life.morning('2026-12-15').nudge).toContain('• Ole Berg (Weihnachtsfeier, Mo, 14. Dez)');
    expect(life.morning('2026-12-16').nudge).not.toContain('verspätet');
    expect(life.morning('2026-12-17').nudge).toContain('Ole Berg (Weihnachtsfeier, Mo, 14. Dez) — ⏰ verspätet, fällig war Di, 15. Dez');
    expect(replies.get('done Ole')).toContain('Einen zweiten Kontakt schlage ich am Do, 7. Jan 2027 vor');
    expect(life.morning('2027-01-07').nudge).toContain('• Ole Berg — ein zweiter Kontakt, zwei Wochen später');
  });

  it('a follow-up never done is asked about once after two weeks, then dropped', () => {
    expect(replies.get('met Mo')).toContain('Ich schlage das Nachfassen am Do, 17. Dez vor');
    const asked = [...life.mornings.values()].filter((m) => m.nudge?.split('Noch nachfassen?')[1]?.includes('Mo Klein'));
    expect(asked.map((m) => m.date)).toEqual(['2026-12-31']);
    expect(asked[0]!.nudge).toContain('• Mo Klein (Stammtisch, Mi, 16. Dez) — fällig war Do, 17. Dez');
    for (const m of life.mornings.values()) if (m.date > '2026-12-31') expect(m.nudge ?? '').not.toContain('Mo Klein');
  });

  it('a touch never closes a reminder silently: the reply asks, and the reminder stays until answered', () => {
    expect(life.morning('2027-01-08').nudge).toMatch(/Eva Roth \(A\) — Erinnerung\n⏰ Angebot schicken/u);
    expect(replies.get('touch Eva')).toContain('Die Erinnerung „Angebot schicken“ (Fr, 8. Jan) auch als erledigt markieren?');
    expect(life.morning('2027-01-18').nudge).toMatch(/Eva Roth \(A\) — Erinnerung/u);
    expect(replies.get('done reminder')).toContain('Eva Roth — ✅ erledigt');
    expect(life.morning('2027-01-19').nudge).not.toContain('Angebot schicken');
  });

  it('nobody who was only suggested early, or named for a reminder, is asked whether to keep them', () => {
    for (const m of life.mornings.values()) {
      const question = m.nudge?.split('Nach drei Erinnerungen nicht kontaktiert')[1];
      if (question === undefined) continue;
      for (const name of [...question.matchAll(/^• (.+?) \([AB]\)$/gmu)].map((x) => x[1]!)) {
        expect(m.overdue, `${name}, asked about on ${m.date}, is overdue`).toContain(name);
      }
    }
  });
});
