/**
 * Canonical values of the settings: a nudge time `HH:MM`, an IANA zone, ISO
 * weekdays `1,2,3,4,5`, a daily count 1–3, a language `en`/`de`. Each reader
 * returns undefined for input it cannot read.
 */
import { isValidTimeZone } from '../core/dates.ts';
import type { Language } from '../core/types.ts';
import { fold, lookup } from './normalize.ts';

const TIME = /^(?:at\s+|um\s+)?(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|uhr|h|o'clock)?$/iu;

/** "8:30", "8.30", "08:30 Uhr", "8am", "8:30 pm" → "08:30" / "20:30"; 25:00 and 8:75 are not times. */
export function readTime(text: string): string | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const suffix = (m[3] ?? '').toLowerCase().replace(/\./g, '');
  if (suffix === 'am' || suffix === 'pm') {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

let zoneNames: Map<string, string> | undefined;
let cityNames: Map<string, string> | undefined;

// Built on first use: about 400 zones, lower-cased, for "europe/berlin" and "berlin".
function zoneTables(): { zones: Map<string, string>; cities: Map<string, string> } {
  if (!zoneNames || !cityNames) {
    zoneNames = new Map();
    cityNames = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      zoneNames.set(zone.toLowerCase(), zone);
      const city = zone.split('/').at(-1)?.toLowerCase();
      if (city !== undefined && !cityNames.has(city)) cityNames.set(city, zone);
    }
  }
  return { zones: zoneNames, cities: cityNames };
}

/**
 * The canonical IANA name for "Europe/Berlin", "europe/berlin", "Berlin" or
 * "new york"; undefined for "Mars/Olympus" or "CET+7".
 */
export function readTimeZone(text: string): string | undefined {
  const raw = text.trim();
  if (raw === '' || raw.length > 64) return undefined;
  if (/^(?:utc|gmt|z)$/iu.test(raw)) return 'UTC';
  const { zones, cities } = zoneTables();
  const key = raw.toLowerCase().replace(/\s+/gu, '_');
  const known = zones.get(key) ?? cities.get(key);
  if (known !== undefined && isValidTimeZone(known)) return known;
  return raw.includes('/') && isValidTimeZone(raw) ? raw : undefined;
}

const WEEKDAYS: readonly (readonly string[])[] = [
  ['mon', 'monday', 'mo', 'montag'],
  ['tue', 'tues', 'tuesday', 'di', 'dienstag'],
  ['wed', 'wednesday', 'mi', 'mittwoch'],
  ['thu', 'thur', 'thurs', 'thursday', 'do', 'donnerstag'],
  ['fri', 'friday', 'fr', 'freitag'],
  ['sat', 'saturday', 'sa', 'samstag', 'sonnabend'],
  ['sun', 'sunday', 'so', 'sonntag'],
];
const GROUPS: Record<string, readonly number[]> = {
  weekdays: [1, 2, 3, 4, 5], workdays: [1, 2, 3, 4, 5], werktags: [1, 2, 3, 4, 5], wochentags: [1, 2, 3, 4, 5],
  werktage: [1, 2, 3, 4, 5], arbeitstage: [1, 2, 3, 4, 5],
  weekends: [6, 7], weekend: [6, 7], wochenende: [6, 7], wochenenden: [6, 7],
  daily: [1, 2, 3, 4, 5, 6, 7], everyday: [1, 2, 3, 4, 5, 6, 7], taeglich: [1, 2, 3, 4, 5, 6, 7], all: [1, 2, 3, 4, 5, 6, 7],
  alle: [1, 2, 3, 4, 5, 6, 7], jedentag: [1, 2, 3, 4, 5, 6, 7],
};

function weekdayOf(word: string): number | undefined {
  const w = fold(word).replace(/\.$/u, '');
  const index = WEEKDAYS.findIndex((names) => names.includes(w));
  return index === -1 ? undefined : index + 1;
}

/**
 * "mon-fri", "Mo-Fr", "mon,wed,fri", "weekdays", "werktags", "daily",
 * "every day", "täglich", "sat-mon" → ISO weekdays ascending, "1,2,3,4,5".
 */
export function readDays(text: string): string | undefined {
  const compact = fold(text)
    .replace(/\b(?:every|each|jeden)\s+(?:day|tag)\b/gu, 'daily')
    .replace(/\s*(?:–|-|\.\.)\s*|\s+(?:to|bis)\s+/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
  if (compact === '') return undefined;
  const days = new Set<number>();
  for (const part of compact.split(/\s*(?:,|;|\+|\/|\s(?:and|und)\s|\s)\s*/u)) {
    if (part === '') continue;
    const group = lookup(GROUPS, part);
    if (group) {
      for (const d of group) days.add(d);
      continue;
    }
    const range = /^([a-z.]+)-([a-z.]+)$/u.exec(part);
    const from = range ? weekdayOf(range[1] ?? '') : weekdayOf(part);
    const to = range ? weekdayOf(range[2] ?? '') : from;
    if (from === undefined || to === undefined) return undefined;
    for (let d = from, steps = 0; steps < 7; d = (d % 7) + 1, steps++) {
      days.add(d);
      if (d === to) break;
    }
  }
  return days.size === 0 ? undefined : [...days].sort((a, b) => a - b).join(',');
}

const COUNT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, eins: 1, ein: 1, eine: 1, zwei: 2, drei: 3 };

/** People per nudge: 1, 2 or 3 (docs/design.md §1: call 1–2 a day, "call 3 people now"). */
export function readCount(text: string): number | undefined {
  const word = fold(text.trim());
  const n = /^\d{1,2}$/u.test(word) ? Number(word) : lookup(COUNT_WORDS, word);
  return n !== undefined && n >= 1 && n <= 3 ? n : undefined;
}

const LANGUAGE_WORDS: Record<string, Language> = {
  en: 'en', english: 'en', englisch: 'en', eng: 'en',
  de: 'de', deutsch: 'de', german: 'de', ger: 'de', deu: 'de',
};

/** "de", "deutsch", "English" → `de` / `en`. */
export function readLanguage(text: string): Language | undefined {
  return lookup(LANGUAGE_WORDS, fold(text.trim()));
}

const NO_HOLIDAY_WORDS = new Set(['none', 'no', 'off', 'keine', 'kein', 'aus', 'nein', 'ohne']);

/**
 * A public-holiday region as written: `DE-BY`, `de by`, `NZ`, `CH-ZH` → upper
 * case joined by `-`; `none`/`keine`/`aus` → `none`. Whether the region
 * exists is for the holiday calendar to say (src/holidays), not the parser.
 */
export function readHolidayRegion(text: string): string | undefined {
  const word = fold(text.trim());
  if (NO_HOLIDAY_WORDS.has(word)) return 'none';
  const m = /^([a-z]{2})(?:[-_\s]+([a-z0-9]{1,5}))?(?:[-_\s]+([a-z0-9]{1,5}))?$/u.exec(word);
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).join('-').toUpperCase();
}
