/**
 * Public holidays by region, from the date-holidays library: the lookup the
 * working-day rule (src/core/working-day.ts) is given, the check of a region
 * a user names (`/settings holidays DE-BY`), and the default region derived
 * from a user's time zone and language.
 *
 * The library and its data (about 2 MB of rules for 200 countries) load on
 * first use, and each region's holidays are computed once per year.
 */
import type { Language, LocalDate } from '../core/types.ts';
import type { HolidayLookup, WorkingDaySettings } from '../core/working-day.ts';

export interface UpcomingHoliday {
  date: LocalDate;
  name: string;
}

export interface HolidayCalendar {
  isHoliday: HolidayLookup;
  /** The canonical code of a region the library knows (`de-by` → `DE-BY`), else undefined. */
  region(code: string): string | undefined;
  /** The region a user gets before they choose: their zone's country (their language decides between several). */
  defaultRegion(language: Language, timeZone: string): string | null;
  /** The region's name for a reply ("Bayern, Deutschland"). */
  regionName(region: string, language: Language): string;
  /** The next public holidays from `from` on, with their names. */
  upcoming(region: string, from: LocalDate, count: number, language: Language): UpcomingHoliday[];
}

/** Only days off for everyone: not bank, school or observance days (Heiligabend is a bank holiday from 14:00). */
const TYPES = ['public'] as const;
const DAY_MS = 86_400_000;

async function load(): Promise<HolidayCalendar> {
  const [{ default: Holidays }, { data }] = await Promise.all([import('date-holidays'), import('date-holidays/data')]);
  const names = new Holidays();
  const byZone = new Map<string, string[]>();
  for (const [country, entry] of Object.entries(data.holidays)) {
    for (const zone of entry.zones ?? []) byZone.set(zone, [...(byZone.get(zone) ?? []), country]);
  }

  const instances = new Map<string, InstanceType<typeof Holidays>>();
  function instance(region: string): InstanceType<typeof Holidays> {
    let hd = instances.get(region);
    if (!hd) {
      const [country = '', state, part] = region.split('-');
      hd = part !== undefined && state !== undefined ? new Holidays(country, state, part, { types: [...TYPES] })
        : state !== undefined ? new Holidays(country, state, { types: [...TYPES] })
          : new Holidays(country, { types: [...TYPES] });
      instances.set(region, hd);
    }
    return hd;
  }

  const years = new Map<string, Map<LocalDate, string>>();
  function holidaysOf(region: string, year: number, language: Language): Map<LocalDate, string> {
    const key = `${region}|${year}|${language}`;
    let days = years.get(key);
    if (!days) {
      days = new Map();
      for (const h of instance(region).getHolidays(year, language)) {
        const first = h.date.slice(0, 10);
        // A holiday of several days (some countries' New Year) counts each of them.
        const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
        for (let i = 0; i < length; i++) {
          const date = new Date(Date.parse(`${first}T00:00:00Z`) + i * DAY_MS).toISOString().slice(0, 10);
          if (!days.has(date)) days.set(date, h.name);
        }
      }
      if (years.size > 2000) years.clear();
      years.set(key, days);
    }
    return days;
  }

  function region(code: string): string | undefined {
    const parts = code.trim().toUpperCase().split(/[-_\s]+/u);
    if (parts.length > 3 || parts.some((p) => !/^[A-Z0-9]{1,5}$/u.test(p))) return undefined;
    const [country = '', state, part] = parts;
    if (data.holidays[country] === undefined) return undefined;
    if (state === undefined) return country;
    const states = names.getStates(country) ?? {};
    if (!(state in states)) return undefined;
    if (part === undefined) return `${country}-${state}`;
    const regions = names.getRegions(country, state) ?? {};
    return part in regions ? `${country}-${state}-${part}` : undefined;
  }

  return {
    isHoliday: (code, date) => holidaysOf(code, Number(date.slice(0, 4)), 'en').has(date),
    region,
    defaultRegion(language, timeZone) {
      const countries = byZone.get(timeZone) ?? [];
      const spoken = countries.find((c) => (data.holidays[c]?.langs ?? []).some((l) => l === language || l.startsWith(`${language}-`)));
      const country = spoken ?? countries[0];
      if (country !== undefined) return country;
      return language === 'de' ? 'DE' : null;
    },
    regionName(code, language) {
      const [country = '', state, part] = code.split('-');
      const countryName = names.getCountries(language)?.[country] ?? country;
      const stateName = state !== undefined ? names.getStates(country, language)?.[state] : undefined;
      const partName = state !== undefined && part !== undefined ? names.getRegions(country, state, language)?.[part] : undefined;
      return [partName, stateName, countryName].filter((n): n is string => n !== undefined).join(', ');
    },
    upcoming(code, from, count, language) {
      const out: UpcomingHoliday[] = [];
      const year = Number(from.slice(0, 4));
      for (const y of [year, year + 1]) {
        for (const [date, name] of [...holidaysOf(code, y, language)].sort(([a], [b]) => (a < b ? -1 : 1))) {
          if (date >= from && out.length < count) out.push({ date, name });
        }
      }
      return out;
    },
  };
}

let loading: Promise<HolidayCalendar> | undefined;

/** The holiday calendar, loaded once per process. */
export function holidayCalendar(): Promise<HolidayCalendar> {
  loading ??= load();
  return loading;
}

/** The stored setting meaning "no public holidays". */
export const NO_HOLIDAYS = 'none';

/**
 * The holiday region in effect for a user: the one they chose, none after
 * `/settings holidays none`, else the default from their zone and language.
 */
export function effectiveRegion(calendar: HolidayCalendar, setting: string | null, language: Language, timeZone: string): string | null {
  if (setting === NO_HOLIDAYS) return null;
  if (setting !== null) return calendar.region(setting) ?? null;
  return calendar.defaultRegion(language, timeZone);
}

/** What the working-day rule needs to know about a user. */
export interface WorkingDayUser {
  nudgeDays: readonly number[];
  /** The holiday setting as stored: null (derive), `none`, or a region. */
  holidays: string | null;
  language: Language;
  timeZone: string;
}

/** A user's working days with a calendar already loaded (the planner, for thousands of users). */
export function workingDaysWith(calendar: HolidayCalendar, user: WorkingDayUser): WorkingDaySettings {
  return { days: user.nudgeDays, holidayRegion: effectiveRegion(calendar, user.holidays, user.language, user.timeZone), isHoliday: calendar.isHoliday };
}

/** A user's working days: their nudge days without the public holidays of their region. */
export async function workingDaysOf(user: WorkingDayUser): Promise<WorkingDaySettings> {
  return workingDaysWith(await holidayCalendar(), user);
}
