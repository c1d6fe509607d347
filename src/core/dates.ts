/**
 * Calendar arithmetic on local dates and the one bridge between instants and
 * the user's calendar. Pure: the caller passes the instant and the zone.
 */
import { DateTime, IANAZone } from 'luxon';
import type { Instant, LocalDate } from './types.ts';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Remembers the results of a pure function of one key. Date arithmetic runs
 * over the same few hundred dates for every contact of every user; parsing
 * them once each keeps planning thousands of nudges cheap.
 */
function memo<K, V>(compute: (key: K) => V, limit = 20_000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

/** Days since 1970-01-01 for a local date; the basis of all date arithmetic here. */
export const dayNumber: (date: LocalDate) => number = memo((date: LocalDate) => {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`not a local date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
});

export const fromDayNumber: (day: number) => LocalDate = memo((day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10));

export function isLocalDate(text: string): boolean {
  const m = LOCAL_DATE.exec(text);
  if (!m) return false;
  return fromDayNumber(dayNumber(text)) === text;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return ((dayNumber(date) + 3) % 7 + 7) % 7 + 1;
}

/** The Monday of the ISO week that holds `date`. */
export function startOfIsoWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

const zoneValidity = new Map<string, boolean>();

/** Whether `zone` is an IANA zone name. Remembered: luxon builds an Intl formatter to tell. */
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = zone.length > 0 && zone.length < 64 && IANAZone.isValidZone(zone);
    if (zoneValidity.size < 1000) zoneValidity.set(zone, valid);
  }
  return valid;
}

/** The calendar date of an instant in a zone. */
export function localDateOf(at: Date | Instant, zone: string): LocalDate {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return fromDayNumber(Math.floor((ms + offsetAt(ms, zone) * 60_000) / DAY_MS));
}

/** Wall-clock `HH:MM` of an instant in a zone. */
export function localTimeOf(at: Date | Instant, zone: string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const minuteOfDay = Math.floor((((ms + offsetAt(ms, zone) * 60_000) % DAY_MS) + DAY_MS) % DAY_MS / 60_000);
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

const QUARTER_HOUR_MS = 900_000;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset in minutes at an instant. Asking Intl (through luxon)
 * costs more than handling a whole message, so offsets are remembered per zone
 * and quarter hour: zones change their offset only at such boundaries (on the
 * hour or half hour in UTC, in every zone of the tz database).
 */
function offsetAt(ms: number, zone: string): number {
  const key = `${zone}|${Math.floor(ms / QUARTER_HOUR_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = DateTime.fromMillis(ms, { zone }).offset;
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The instant of a wall-clock time on a local date. In a spring-forward gap the
 * time moves forward to the first valid one (02:30 -> 03:30), so a nudge is late
 * rather than lost; on a fall-back day a time that happens twice resolves to one
 * of the two instants (luxon's choice), so it still happens once.
 */
export function instantAt(date: LocalDate, time: string, zone: string): Instant {
  return instantAtMemo(`${date}|${time}|${zone}`);
}

const instantAtMemo = memo((key: string): Instant => {
  const [date = '', time = '', zone = ''] = key.split('|');
  const [hour, minute] = time.split(':').map(Number);
  const m = LOCAL_DATE.exec(date);
  if (!m || hour === undefined || minute === undefined) throw new RangeError(`bad date/time ${date} ${time}`);
  const dt = DateTime.fromObject(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour, minute },
    { zone },
  );
  return dt.toUTC().toISO() as Instant;
});

/** Offset of the zone from UTC in minutes at an instant (what chrono-node needs). */
export function zoneOffsetMinutes(at: Date, zone: string): number {
  return offsetAt(at.getTime(), zone);
}
