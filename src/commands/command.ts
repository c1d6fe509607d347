/**
 * The platform-neutral command language: what a message means, independent of
 * Slack, Telegram or the console. The parser turns text into a Command or a
 * ParseError; nothing here touches storage.
 *
 * Field names follow the test corpus (../shared/corpus/README.md): `name`,
 * `other`, `place`, `date`, `until`, `tier`, `kind`, `note`, `tags`,
 * `cadenceDays`, `query`, `key`, `value`, `format`, `topic`.
 */
import type { PostalAddress } from '../core/address.ts';
import type { Language, LocalDate, Tier, TouchKind } from '../core/types.ts';
import type { SourceCommand } from './parse-sources.ts';

export type SettingKey = 'time' | 'timezone' | 'days' | 'count' | 'cadence' | 'language' | 'holidays';
export type ExportFormat = 'json' | 'csv' | 'vcf' | 'ics';

export type Command =
  /** A new acquaintance: creates the contact and starts the 48-hour follow-up. */
  | { intent: 'met'; name: string; place?: string; tier?: Tier; date: LocalDate; tags: string[]; note?: string }
  /** An existing contact, no follow-up; `date` is "last talked". */
  | { intent: 'add'; name: string; place?: string; tier?: Tier; date?: LocalDate; tags: string[]; note?: string }
  /** An interaction that happened. */
  | { intent: 'touch'; name: string; kind: TouchKind; date: LocalDate; note?: string }
  /** Answer to a nudge: logs a touch. No name: the open nudge entries. `both`: all of them. */
  | { intent: 'done'; name?: string; both?: boolean; note?: string }
  /** Tried, did not reach them: logged as an attempt, cadence not reset. */
  | { intent: 'noanswer'; name?: string; note?: string }
  | { intent: 'skip'; name?: string }
  | { intent: 'snooze'; name?: string; until: LocalDate }
  | { intent: 'note'; name: string; note: string }
  | { intent: 'tier'; name: string; tier: Tier }
  | { intent: 'cadence'; name: string; cadenceDays: number }
  | { intent: 'remind'; name: string; date: LocalDate; note?: string }
  /** Who to contact now; `count` for "call 3 people now". */
  | { intent: 'today'; count?: number }
  | { intent: 'overdue' }
  | { intent: 'show'; name: string }
  | { intent: 'find'; query: string }
  | { intent: 'list'; tier?: Tier }
  | { intent: 'intro'; name: string; other: string; note?: string }
  | { intent: 'review' }
  | { intent: 'archive'; name: string }
  | { intent: 'delete'; name: string }
  /** No key: show the settings. `value` is canonical: `08:30`, an IANA zone, `1,2,3,4,5`, `2`, `de`, a holiday region `DE-BY` or `none`. */
  | { intent: 'settings'; key?: Exclude<SettingKey, 'cadence'>; value?: string }
  | { intent: 'settings'; key: 'cadence'; tier: 'A' | 'B'; cadenceDays: number; value: string }
  /** Paused from `from` (now when absent) until `until`, the day nudges resume. */
  | { intent: 'pause'; until: LocalDate; from?: LocalDate }
  | { intent: 'resume' }
  | { intent: 'stats' }
  | { intent: 'export'; format: ExportFormat; tiers: Tier[] }
  /** The year's card list (no tiers: A and B), or with `sent` a card touch for everyone on it (parse-occasion.ts). */
  | { intent: 'cards'; tiers: Tier[]; sent: boolean }
  /** `birthday` in the stored form, `MM-DD` or `YYYY-MM-DD`. */
  | { intent: 'birthday'; name: string; birthday: string }
  | { intent: 'address'; name: string; address: PostalAddress }
  | { intent: 'forget' }
  | { intent: 'undo' }
  | { intent: 'help'; topic?: string }
  | { intent: 'start' }
  /** "yes" / "ja" and "no" / "nein": answers to a pending question. */
  | { intent: 'confirm' }
  | { intent: 'cancel' }
  /** Calendars and mailboxes (src/commands/parse-sources.ts). */
  | SourceCommand;

export type Intent = Command['intent'];

/**
 * Why a message was refused. The bot turns the code into a sentence in the
 * user's language; `params` carry what was understood and what was wrong,
 * e.g. `{ code: 'bad_tier', params: { got: 'Z' } }`.
 */
export type ParseErrorCode =
  | 'empty'
  | 'too_long'
  | 'not_understood'
  | 'unknown_command'
  | 'missing_name'
  | 'missing_other'
  | 'missing_note'
  | 'missing_date'
  | 'bad_date'
  | 'date_in_past'
  | 'date_in_future'
  | 'bad_tier'
  /** /settings cadence for tier C or D: those tiers have no cadence by design (docs/design.md §1). */
  | 'tier_without_cadence'
  | 'bad_cadence'
  | 'bad_setting'
  | 'bad_time'
  | 'bad_timezone'
  | 'bad_days'
  | 'bad_count'
  | 'bad_language'
  /** /settings holidays with something that is not a region code (`DE-BY`) or `none`. */
  | 'bad_holidays'
  | 'bad_format'
  | 'bad_birthday'
  | 'bad_address'
  /** A sources command without what it needs; `usage` names which (parse-sources.ts). */
  | 'bad_source';

export interface ParseError {
  error: ParseErrorCode;
  /** The intent that was recognised, if any, so the reply can point to `/help <intent>`. */
  intent?: Intent;
  params: Record<string, string>;
}

export interface ParseContext {
  now: Date;
  /** IANA zone in which relative dates ("yesterday", "letzten Freitag") are resolved. */
  timeZone: string;
  /** Tried first for dates and keywords; the other language is still understood. */
  language: Language;
}

export function isParseError(result: Command | ParseError): result is ParseError {
  return 'error' in result;
}

/** Longest message the parser reads; longer input is refused before any date parsing (chrono is super-linear on long German text). */
export const MAX_COMMAND_LENGTH = 500;

/** A refusal; `params` drop empty values so the reply only names what was really there. */
export function refuse(error: ParseErrorCode, params: Record<string, string | undefined> = {}, intent?: Intent): ParseError {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) kept[key] = value;
  }
  return intent === undefined ? { error, params: kept } : { error, intent, params: kept };
}
