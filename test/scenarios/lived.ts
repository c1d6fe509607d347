/**
 * Living through weeks of simulated time with the real bot and scheduler: each
 * day the clock moves to the user's morning, the scheduler ticks, and what the
 * nudge, /today and /overdue said is kept so a test can check each morning
 * against the promises of the days before it.
 */
import { expect } from 'vitest';
import { addDays, instantAt } from '../../src/core/dates.ts';
import type { LocalDate } from '../../src/core/types.ts';
import { world, type World } from '../scheduler/world.ts';

export interface Morning {
  date: LocalDate;
  /** The daily nudge's text, when one came. */
  nudge?: string;
  /** /today said right after the nudge (only on nudge days). */
  today?: string;
  /** The A and B contacts /overdue listed that morning. */
  overdue: string[];
}

export interface Life {
  w: World;
  mornings: Map<LocalDate, Morning>;
  /** Says something as the user and returns the plain text of the replies. */
  say(text: string): Promise<string>;
  /** Lives the days from `from` through `to`: each morning at `time`, then the day's doings. */
  live(from: LocalDate, to: LocalDate, doings?: Record<LocalDate, (m: Morning) => Promise<void>>): Promise<void>;
  morning(date: LocalDate): Morning;
}

/** The people a nudge or /today names as calls ("1. Anna Schmidt (A) — …"). */
export function callsIn(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/^\d+\. (.+?) \([ABCD]\) — /gmu)].map((m) => m[1]!);
}

/** The A and B contacts in /overdue's text: the bullets under a tier A or B heading. */
function overdueAB(text: string): string[] {
  const names: string[] = [];
  let inAB = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith('•')) inAB = /^(Tier|Stufe) [AB] \(\d+\)$/u.test(line.trim());
    else if (inAB) names.push(line.slice(2).split(' — ')[0]!);
  }
  return names;
}

export interface LivedOptions {
  locale: string;
  timeZone: string;
  start: LocalDate;
  /** The local time each morning is lived at. */
  time: string;
  /** A local time just before it at which the scheduler must send nothing yet. */
  notYetAt?: string;
}

export async function lived(options: LivedOptions): Promise<Life> {
  const w = await world({ locale: options.locale, timeZone: options.timeZone, start: instantAt(options.start, '08:00', options.timeZone) });
  const mornings = new Map<LocalDate, Morning>();
  const say = async (text: string) => {
    await w.chat.say(text);
    return w.chat.text();
  };
  return {
    w,
    mornings,
    say,
    morning(date) {
      const m = mornings.get(date);
      if (!m) throw new Error(`no morning ${date} lived`);
      return m;
    },
    async live(from, to, doings = {}) {
      for (let date = from; date <= to; date = addDays(date, 1)) {
        const before = w.messenger.sent.length;
        if (options.notYetAt !== undefined) {
          await w.tickAt(instantAt(date, options.notYetAt, options.timeZone));
          expect(w.messenger.sent.length, `nothing sent at ${options.notYetAt} on ${date}`).toBe(before);
        }
        await w.tickAt(instantAt(date, options.time, options.timeZone));
        const sent = w.messenger.sent.slice(before);
        expect(sent.length, `one nudge at most on ${date}`).toBeLessThanOrEqual(1);
        const morning: Morning = { date, overdue: overdueAB(await say('/overdue')) };
        if (sent[0]) {
          morning.nudge = sent[0].text;
          morning.today = await say('/today');
        }
        mornings.set(date, morning);
        await doings[date]?.(morning);
      }
    },
  };
}

/** Every nudge names what /today names, and someone overdue whenever /overdue lists anyone. */
export function expectEveryMorningTrue(life: Life): void {
  for (const m of life.mornings.values()) {
    if (m.nudge === undefined) continue;
    const nudgeCalls = callsIn(m.nudge);
    expect(callsIn(m.today), `/today on ${m.date} names the nudge's calls`).toEqual(nudgeCalls);
    if (m.overdue.length > 0) {
      expect(m.overdue.some((name) => m.nudge!.includes(name)), `the nudge of ${m.date} names someone overdue (${m.overdue.join(', ')})`).toBe(true);
      expect(nudgeCalls.length, `the nudge of ${m.date} has a call`).toBeGreaterThan(0);
    }
  }
}

/**
 * An overdue person named as a call and left unanswered is named again within
 * the next two nudges while still overdue. `answered` lists, per date, who the
 * user answered about that day. Returns how many such people it followed.
 */
export function expectUnansweredNamedAgain(life: Life, answered: Record<LocalDate, string[]>): number {
  let checked = 0;
  const nudgeDays = [...life.mornings.values()].filter((m) => m.nudge !== undefined);
  nudgeDays.forEach((m, index) => {
    const next = nudgeDays.slice(index + 1, index + 3);
    if (next.length < 2) return;
    for (const name of callsIn(m.nudge)) {
      if (!m.overdue.includes(name) || (answered[m.date] ?? []).some((n) => name.startsWith(n))) continue;
      if (!next.every((n) => n.overdue.includes(name))) continue;
      expect(next.some((n) => n.nudge!.includes(name)), `${name}, unanswered on ${m.date}, is named again by ${next[1]!.date}`).toBe(true);
      checked++;
    }
  });
  return checked;
}
