/**
 * Canonical values of the settings: a nudge time `HH:MM`, an IANA zone, ISO
 * weekdays `1,2,3,4,5`, a daily count 1–3, a language `en`/`de`, a holiday
 * region `DE-BY` or `none`. Each reader
 * returns undefined for input it cannot read.
 */
import { isValidTimeZone } from '../core/dates.ts';
import type { Language } from '../core/types.ts';
import { gather, gatherRecord } from './lexicon/index.ts';
import { alternation, foldKey, lookupWord, phrases, table } from './lexicon/compile.ts';

const TIME = new RegExp(`^(?:${alternation(gather((l) => l.settings.timeLead))}\\s+)?(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(${alternation(gather((l) => l.settings.timeSuffix)).slice(3, -1)})?$`, 'iu');

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

const WEEKDAYS = table(gather((l) => l.dates.weekdays.flatMap((names, index) => names.map((name) => [name, index + 1] as const))));
const GROUPS = table(gatherRecord((l) => l.settings.dayGroups));
const EVERY_DAY = new RegExp(`(?<![\\p{L}])${phrases(gather((l) => l.settings.everyDay))}(?![\\p{L}])`, 'giu');
const RANGE_TO = new RegExp(`\\s*(?:–|-|\\.\\.)\\s*|\\s+${alternation(gather((l) => l.settings.rangeTo))}\\s+`, 'giu');
const LIST_AND = new RegExp(`\\s*(?:,|;|\\+|\\/|\\s${alternation(gather((l) => l.settings.listAnd))}\\s|\\s)\\s*`, 'iu');

function weekdayOf(word: string): number | undefined {
  return lookupWord(WEEKDAYS, word.replace(/\.$/u, ''));
}

/**
 * "mon-fri", "Mo-Fr", "mon,wed,fri", "weekdays", "werktags", "daily",
 * "every day", "täglich", "sat-mon" → ISO weekdays ascending, "1,2,3,4,5".
 */
export function readDays(text: string): string | undefined {
  const compact = text
    .toLowerCase()
    .replace(EVERY_DAY, 'daily')
    .replace(RANGE_TO, '-')
    .replace(/\s+/gu, ' ')
    .trim();
  if (compact === '') return undefined;
  const days = new Set<number>();
  for (const part of compact.split(LIST_AND)) {
    if (part === '') continue;
    const group = lookupWord(GROUPS, part);
    if (group) {
      for (const d of group) days.add(d);
      continue;
    }
    const range = /^([\p{L}.]+)-([\p{L}.]+)$/u.exec(part);
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

const COUNT_WORDS = table(gatherRecord((l) => l.settings.counts));

/** People per nudge: 1, 2 or 3 (docs/design.md §1: call 1–2 a day, "call 3 people now"). */
export function readCount(text: string): number | undefined {
  const word = text.trim();
  const n = /^\d{1,2}$/u.test(word) ? Number(word) : lookupWord(COUNT_WORDS, word);
  return n !== undefined && n >= 1 && n <= 3 ? n : undefined;
}

const LANGUAGE_WORDS = table(gatherRecord((l) => l.settings.languages));

/** "de", "deutsch", "English" → `de` / `en`. */
export function readLanguage(text: string): Language | undefined {
  return lookupWord(LANGUAGE_WORDS, text.trim());
}

const NO_HOLIDAY_WORDS = new Set(gather((l) => l.settings.noHolidays).map(foldKey));

/**
 * A public-holiday region as written: `DE-BY`, `de by`, `NZ`, `CH-ZH` → upper
 * case joined by `-`; `none`/`keine`/`aus` → `none`. Whether the region
 * exists is for the holiday calendar to say (src/holidays), not the parser.
 */
export function readHolidayRegion(text: string): string | undefined {
  const word = text.trim().toLowerCase();
  if (NO_HOLIDAY_WORDS.has(foldKey(word))) return 'none';
  const m = /^([a-z]{2})(?:[-_\s]+([a-z0-9]{1,5}))?(?:[-_\s]+([a-z0-9]{1,5}))?$/u.exec(word);
  if (!m) return undefined;
  return [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).join('-').toUpperCase();
}
