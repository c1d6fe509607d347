/**
 * What the /stats picture shows, as plain numbers (pure: from computeStats'
 * result, no clock, no drawing): touches per ISO week for the last 12 weeks,
 * the share of touches on A contacts against the method's 80 % aim, and the
 * A + B contacts against Dunbar's ~150 (DESIGN §1).
 */
import { addDays, daysBetween } from '../core/dates.ts';
import type { Stats } from '../core/stats.ts';
import type { LocalDate } from '../core/types.ts';

/** The picture spans 12 weeks: a quarter, long enough to show a habit. Pass it to computeStats. */
export const CHART_WEEKS = 12;

export interface ChartWeek {
  weekStart: LocalDate;
  /** ISO 8601 week number (1–53), as "KW 49" / "W49". */
  week: number;
  touches: number;
}

export interface StatsChartData {
  weeks: ChartWeek[];
  /** The most touches in one week. */
  peak: number;
  /** Whole percent of touches on A; null before the first touch. */
  shareOnA: number | null;
  aimOnA: number;
  /** Active A and B contacts. */
  close: number;
  dunbarLimit: number;
  /** A + B above the limit: the bar turns to the warning colour. */
  overDunbar: boolean;
  /** Share on A below the aim (only with touches). */
  belowAim: boolean;
}

/** The ISO 8601 week number of a date: the week that holds the year's first Thursday is week 1. */
export function isoWeekNumber(date: LocalDate): number {
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const thursday = addDays(date, 4 - weekday);
  return Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
}

/** Chart rule: the picture's numbers from the stats (computed with CHART_WEEKS weeks). */
export function statsChartData(stats: Stats): StatsChartData {
  const weeks = stats.weeks.map((w) => ({ weekStart: w.weekStart, week: isoWeekNumber(w.weekStart), touches: w.touches }));
  const shareOnA = stats.shareOnA === null ? null : Math.round(stats.shareOnA * 100);
  const aimOnA = Math.round(stats.aimOnA * 100);
  return {
    weeks,
    peak: Math.max(0, ...weeks.map((w) => w.touches)),
    shareOnA,
    aimOnA,
    close: stats.dunbar.close,
    dunbarLimit: stats.dunbar.limit,
    overDunbar: stats.dunbar.over,
    belowAim: shareOnA !== null && shareOnA < aimOnA,
  };
}
