/**
 * When the daily nudge comes (docs/design.md §3): at the user's nudge time, local
 * time, on their working days (their nudge days that are not public holidays
 * of their region), not while paused — once per local date.
 */
import { addDays, instantAt, localDateOf } from './dates.ts';
import type { Instant, LocalDate } from './types.ts';
import { isWorkingDay, type HolidayLookup } from './working-day.ts';

export interface NudgeSchedule {
  /** `HH:MM`, local. */
  time: string;
  /** ISO weekdays, 1 = Monday. */
  days: readonly number[];
  timeZone: string;
  /** Nudges resume on this local date; none before it (from pausedFrom on, when set). */
  pausedUntil: LocalDate | null;
  /** A pause that starts later: its first day. Absent or null: paused from now. */
  pausedFrom?: LocalDate | null;
  /** The holiday region (`DE-BY`): no nudge on its public holidays. Absent or null: none. */
  holidayRegion?: string | null;
  isHoliday?: HolidayLookup;
}

/** How far ahead the next nudge day is looked for: a year covers any days, pause end and holidays. */
const SEARCH_DAYS = 366;

/** Default catch-up window: a nudge missed while the bot was down is still sent this late. */
export const DEFAULT_CATCH_UP_MS = 6 * 3600_000;

/** Pause rule: a date from the pause's first day (now, unless it starts later) until the day it ends. */
export function isPaused(schedule: Pick<NudgeSchedule, 'pausedUntil' | 'pausedFrom'>, date: LocalDate): boolean {
  if (schedule.pausedUntil === null || date >= schedule.pausedUntil) return false;
  return schedule.pausedFrom === undefined || schedule.pausedFrom === null || date >= schedule.pausedFrom;
}

/** Nudge rule: a day gets a nudge when it is a working day and not paused. */
export function isNudgeDay(schedule: NudgeSchedule, date: LocalDate): boolean {
  const workdays = { days: schedule.days, holidayRegion: schedule.holidayRegion ?? null, isHoliday: schedule.isHoliday ?? (() => false) };
  return isWorkingDay(workdays, date) && !isPaused(schedule, date);
}

/** Nudge rule: the first nudge day on or after `from`; null when no weekday is chosen. */
export function firstNudgeDay(schedule: NudgeSchedule, from: LocalDate): LocalDate | null {
  if (schedule.days.length === 0) return null;
  const start = isPaused(schedule, from) && schedule.pausedUntil !== null ? schedule.pausedUntil : from;
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const date = addDays(start, offset);
    if (isNudgeDay(schedule, date)) return date;
  }
  return null;
}

/**
 * Nudge rule: the instant of the next nudge after a settings change or a new
 * user at `now`. Today counts only while its nudge time is still ahead and
 * today has not had its nudge — changing the time after the nudge never
 * brings a second one.
 */
export function nextNudgeAt(schedule: NudgeSchedule, now: Date, nudgedToday: boolean): Instant | null {
  const today = localDateOf(now, schedule.timeZone);
  const todayAt = instantAt(today, schedule.time, schedule.timeZone);
  const from = nudgedToday || todayAt <= now.toISOString() ? addDays(today, 1) : today;
  const date = firstNudgeDay(schedule, from);
  return date === null ? null : instantAt(date, schedule.time, schedule.timeZone);
}

/** Nudge rule: the instant of the nudge after the one on `date`. */
export function nudgeAfter(schedule: NudgeSchedule, date: LocalDate): Instant | null {
  const next = firstNudgeDay(schedule, addDays(date, 1));
  return next === null ? null : instantAt(next, schedule.time, schedule.timeZone);
}

/**
 * Catch-up rule after downtime: the first nudge instant at or after `since`
 * (now minus the catch-up window) — days missed before it are skipped, not
 * sent one after another.
 */
export function firstNudgeAtOrAfter(schedule: NudgeSchedule, since: Date): Instant | null {
  const sinceIso = since.toISOString();
  let from = localDateOf(since, schedule.timeZone);
  for (let tries = 0; tries < 3; tries++) {
    const date = firstNudgeDay(schedule, from);
    if (date === null) return null;
    const at = instantAt(date, schedule.time, schedule.timeZone);
    if (at >= sinceIso) return at;
    from = addDays(date, 1);
  }
  return null;
}

/**
 * Catch-up rule: a nudge due at `dueAt` is still sent at `now` when it is at
 * most `windowMs` late (the bot was down at nudge time); later, the day is skipped.
 */
export function isWithinCatchUp(dueAt: Instant, now: Date, windowMs: number): boolean {
  return now.getTime() - Date.parse(dueAt) <= windowMs;
}
