/**
 * What every importer produces: the contacts of a file in one normalised
 * shape, the problems found on the way (with line numbers), or a refusal of
 * the whole file. Plain data: it is stored as the user's pending import and
 * planned against the network only when the user confirms.
 */
import type { PostalAddress } from '../core/address.ts';
import type { FollowUpStage } from '../core/contact.ts';
import type { NoteHook } from '../core/hooks.ts';
import type { ContactSource, ContactStatus, LocalDate, Tier, TouchKind } from '../core/types.ts';

/** Where a file came from; decides the wording of the preview and the note on a "connected on" touch. */
export type ImportSource = 'vcard' | 'linkedin' | 'xing' | 'csv' | 'keepwarm';

/** One person read from a file. */
export interface ImportRecord {
  /** The line of the file where the card or row starts (1-based). */
  line: number;
  name: string;
  /** Every address found, the preferred first. */
  emails: string[];
  phones: string[];
  company: string | null;
  role: string | null;
  /** A tier given by the file (a generic CSV's tier column, keepwarm's own files). */
  tier: Tier | null;
  /** LinkedIn's "Connected On", a generic "last contact" column. */
  lastContactOn: LocalDate | null;
  notes: string[];
  tags: string[];
  /** Where they met (keepwarm's own files, a "place" or "met at" column). */
  place: string | null;
  /**
   * The birthday in its stored form, `MM-DD` or `YYYY-MM-DD`. This and the
   * three fields after it are optional: imports read before they existed are
   * still waiting in import_plans without them.
   */
  birthday?: string | null;
  /** The one postal address chosen from the file's (see docs/import-export.md). */
  address?: PostalAddress | null;
  /** Frau, Herr, Ms, Mrs, Mr or Mx (src/core/honorifics.ts). */
  salutation?: string | null;
  /** "Dr.", "Prof. Dr.": from a name prefix, a title or "Titel" column. */
  academicTitle?: string | null;
  /** Only from keepwarm's own JSON export: everything else it holds about the contact. */
  keepwarm?: KeepwarmContact;
}

/** The rest of a contact as keepwarm's JSON export holds it. */
export interface KeepwarmContact {
  /** The contact's id in the exported file: what its introductions refer to. */
  ref: number | null;
  cadenceDays: number | null;
  status: ContactStatus;
  source: ContactSource;
  metOn: LocalDate | null;
  snoozedUntil: LocalDate | null;
  createdOn: LocalDate;
  reviewedOn: LocalDate | null;
  followUp: { stage: FollowUpStage; due: LocalDate } | null;
  /** Notes with the instant they were written. */
  /** Notes as written, with the hook one carried (a date it names, or news). */
  dated: { text: string; at: string; hook?: NoteHook }[];
  touches: { on: LocalDate; kind: TouchKind; note: string | null }[];
  reminders: { due: LocalDate; text: string | null }[];
}

/** keepwarm's JSON export: what belongs to the network rather than to one contact. */
export interface KeepwarmNetwork {
  /** Introductions between contacts of the file, by their `ref` (or, in older files, by name). */
  introductions: { from: number | string; to: number | string; on: LocalDate; note: string | null }[];
  settings?: KeepwarmSettings;
}

export interface KeepwarmSettings {
  language: 'en' | 'de' | null;
  timeZone: string | null;
  nudgeTime: string;
  nudgeDays: number[];
  nudgeCount: number;
  cadences: { A: number; B: number };
  pausedUntil: LocalDate | null;
  /** A pause that starts later; absent in files from before it existed. */
  pausedFrom?: LocalDate | null;
  lastReviewOn: LocalDate | null;
  /** Public holidays as set: `DE-BY`, `none`, or null (derived); absent in files from before it existed. */
  holidays?: string | null;
}

/** Why one card or row was skipped or read only in part. */
export type IssueCode =
  /** No name, and no email address to name them by. */
  | 'no_name'
  /** A vCard that the parser refused, or one without END:VCARD. */
  | 'bad_card'
  /** A date that could not be read (kept without it). */
  | 'bad_date'
  /** A last-contact date after today (kept without it). */
  | 'future_date'
  /** A tier that is not A–D (kept with the default tier). */
  | 'bad_tier'
  /** The name fits several contacts of the network: left alone rather than guessed. */
  | 'ambiguous'
  /** A row with more cells than the header (read as far as the header goes). */
  | 'extra_cells'
  /** A CSV row whose quotes do not pair up: its cells cannot be told apart. */
  | 'broken_row';

export interface ImportIssue {
  line: number;
  code: IssueCode;
  /** What was found: the name, the date as written, the parser's words. */
  detail?: string;
  /** True when the whole card or row was left out; false when it was kept without the field. */
  skipped: boolean;
}

export interface ParsedImport {
  source: ImportSource;
  records: ImportRecord[];
  issues: ImportIssue[];
  keepwarm?: KeepwarmNetwork;
}

/** Why a whole file was refused (nothing of it is imported). */
export type RefusalCode =
  | 'empty'
  | 'too_large'
  | 'binary'
  | 'zip'
  | 'unknown_type'
  | 'too_many_rows'
  | 'broken_quoting'
  | 'too_many_columns'
  | 'row_too_long'
  | 'no_header'
  | 'no_cards'
  | 'bad_json'
  | 'nothing_readable';

export interface ImportRefusal {
  refused: RefusalCode;
  params: Record<string, string | number>;
}

export function isRefusal<T extends object>(result: T | ImportRefusal): result is ImportRefusal {
  return 'refused' in result;
}

export function refuse(refused: RefusalCode, params: Record<string, string | number> = {}): ImportRefusal {
  return { refused, params };
}
