/**
 * /settings: no key shows them; `time`, `timezone`, `days`, `count`,
 * `language`, `holidays DE-BY` and `cadence A 45 days` change one, with the
 * value in canonical form.
 */
import type { Command, ParseError, SettingKey } from './command.ts';
import { durationDays, findDuration } from './duration.ts';
import { tierOf } from './extract.ts';
import { MAX_CADENCE_DAYS } from './parse-contact.ts';
import { readCount, readDays, readHolidayRegion, readLanguage, readTime, readTimeZone } from './setting-values.ts';
import { collapse, removeSpan } from './normalize.ts';
import { gather, gatherRecord } from './lexicon/index.ts';
import { alternation, lookupWord, table } from './lexicon/compile.ts';
import { refuse } from './command.ts';

const KEYS = table<SettingKey>(gatherRecord((l) => l.settings.keys));
const VALUE_LEAD = new RegExp(`^(?:[:=]|${alternation(gather((l) => l.settings.valueLead))}(?=\\s))\\s*`, 'iu');
const TIER_LEAD = alternation(gather((l) => l.settings.tierLead));
const CONTACTS = alternation(gather((l) => l.tiers.contactSuffix));
const TIER_CADENCE = new RegExp(`^(?:${TIER_LEAD}\\s+)?([a-z])(?:[-\\s]?${CONTACTS})?\\s*[:=]?\\s*(.*)$`, 'iu');

/** Reads "/settings …"; a value that cannot be read is refused with the key's own code. */
export function parseSettings(arg: string): Command | ParseError {
  if (arg === '') return { intent: 'settings' };
  const [first = '', ...restWords] = arg.split(' ');
  // "time zone", "nudge time": two words naming one key.
  const pair = lookupWord(KEYS, `${first}${restWords[0] ?? ''}`);
  const key = pair ?? lookupWord(KEYS, first.replace(/[:=]$/u, ''));
  const value = collapse((pair ? restWords.slice(1) : restWords).join(' ').replace(VALUE_LEAD, ''));
  switch (key) {
    case undefined:
      return refuse('bad_setting', { got: first }, 'settings');
    case 'time':
      return setting(key, readTime(value), 'bad_time', value);
    case 'timezone':
      return setting(key, readTimeZone(value), 'bad_timezone', value);
    case 'days':
      return setting(key, readDays(value), 'bad_days', value);
    case 'count': {
      const count = readCount(value);
      return setting(key, count === undefined ? undefined : String(count), 'bad_count', value);
    }
    case 'language':
      return setting(key, readLanguage(value), 'bad_language', value);
    case 'holidays':
      return setting(key, readHolidayRegion(value), 'bad_holidays', value);
    case 'cadence':
      return parseTierCadence(value);
  }
}

function setting(key: Exclude<SettingKey, 'cadence'>, value: string | undefined, code: ParseError['error'], got: string): Command | ParseError {
  return value === undefined ? refuse(code, { got, key }, 'settings') : { intent: 'settings', key, value };
}

/** "cadence A 45 days" → A every 45 days. C and D have no cadence by design: they are never nudged. */
function parseTierCadence(value: string): Command | ParseError {
  const m = TIER_CADENCE.exec(value);
  const got = m?.[1] ?? '';
  const tier = tierOf(got);
  if (!m || !tier) return refuse('bad_tier', { got: m ? got : value, key: 'cadence' }, 'settings');
  if (tier === 'C' || tier === 'D') return refuse('tier_without_cadence', { tier, key: 'cadence' }, 'settings');
  const spec = collapse(m[2] ?? '');
  const span = findDuration(spec);
  const bare = /^\d{1,6}$/u.test(spec) ? Number(spec) : undefined;
  const days = span ? durationDays(span.duration) : bare;
  const leftover = span ? removeSpan(spec, span.index, span.text.length) : '';
  if (days === undefined || leftover !== '' || days < 1 || days > MAX_CADENCE_DAYS) {
    return refuse('bad_cadence', { got: spec, tier, key: 'cadence', days: days === undefined ? undefined : String(days) }, 'settings');
  }
  return { intent: 'settings', key: 'cadence', tier, cadenceDays: days, value: `${tier}:${days}` };
}
