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

/** A detail of a contact that can be set in the chat (/email, /phone, /company, /role, /address, /birthday). */
export type DetailField = 'email' | 'phone' | 'company' | 'role' | 'address' | 'birthday';

/**
 * `loose`: where the name ends was guessed (by letter case) rather than marked
 * (by a comma, a colon, "about"); the conversation may move words between
 * the name and the note when the network knows the longer or shorter name.
 *
 * `name` is the person a command is about; when a message names several
 * ("called Tom, Lisa and Omar"), `names` holds all of them, `name` the first.
 */
export type Command =
  /** A new acquaintance: creates the contact and starts the 48-hour follow-up. */
  | { intent: 'met'; name: string; names?: string[]; place?: string; tier?: Tier; date: LocalDate; tags: string[]; note?: string }
  /** An existing contact, no follow-up; `date` is "last talked". */
  | { intent: 'add'; name: string; place?: string; tier?: Tier; date?: LocalDate; tags: string[]; note?: string }
  /** An interaction that happened. */
  | { intent: 'touch'; name: string; names?: string[]; kind: TouchKind; date: LocalDate; note?: string; loose?: true }
  /** Answer to a nudge: logs a touch. No name: the open nudge entries. `both`: all of them. */
  | { intent: 'done'; name?: string; names?: string[]; both?: boolean; note?: string; loose?: true }
  /** Tried, did not reach them: logged as an attempt, cadence not reset. */
  | { intent: 'noanswer'; name?: string; names?: string[]; note?: string; loose?: true }
  | { intent: 'skip'; name?: string; names?: string[] }
  | { intent: 'snooze'; name?: string; names?: string[]; both?: boolean; until: LocalDate }
  | { intent: 'note'; name: string; note: string; loose?: true }
  | { intent: 'tier'; name: string; tier: Tier }
  | { intent: 'cadence'; name: string; cadenceDays: number }
  | { intent: 'remind'; name: string; names?: string[]; date: LocalDate; note?: string }
  /** Who to contact now; `count` for "call 3 people now". */
  | { intent: 'today'; count?: number }
  | { intent: 'overdue' }
  | { intent: 'show'; name: string }
  /** `tag`: "/find #fintech" looks for the tag only. */
  | { intent: 'find'; query: string; tag?: string }
  /** `tiers` when several are asked for ("/list A B"). */
  | { intent: 'list'; tier?: Tier; tiers?: Tier[] }
  | { intent: 'intro'; name: string; other: string; note?: string }
  | { intent: 'review' }
  /** No name: the open question's person (a review card, "keep or archive?"), typed like its button. */
  | { intent: 'archive'; name?: string }
  /** "keep" / "behalten": the open question's button, typed. */
  | { intent: 'keep'; name?: string }
  | { intent: 'delete'; name: string }
  /** "/rename Bob Robert Meyer": `guessed` when no word said where the old name ends. */
  | { intent: 'rename'; name: string; newName: string; guessed?: boolean }
  /** A detail said in the chat; `value` canonical: an address as typed, a birthday `MM-DD` or `YYYY-MM-DD`. */
  | { intent: 'detail'; name: string; field: DetailField; value: string; loose?: true }
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
  /** A detail command without its value: "/email Anna". */
  | 'missing_value'
  | 'bad_date'
  /** A date no calendar has: "31.02.", "Feb 30". */
  | 'impossible_date'
  /** A year alone where a month is needed: "letzter Kontakt 2024". */
  | 'month_needed'
  /** A range that ends before it starts: "/pause vom 6.1. bis 23.12.". */
  | 'bad_range'
  | 'bad_email'
  | 'bad_phone'
  | 'bad_address'
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

/** Longest note: pasted meeting notes fit (a Telegram message holds 4,096 characters). */
export const MAX_NOTE_LENGTH = 4000;

/** A refusal; `params` drop empty values so the reply only names what was really there. */
export function refuse(error: ParseErrorCode, params: Record<string, string | undefined> = {}, intent?: Intent): ParseError {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) kept[key] = value;
  }
  return intent === undefined ? { error, params: kept } : { error, intent, params: kept };
}
