/**
 * The /export json and `keepwarm export` format (docs/import-export.md):
 * everything keepwarm holds about one user, as plain JSON. Dates: instants
 * ISO-8601, local dates YYYY-MM-DD. The CSV, vCard and iCalendar writers read
 * it; src/store/export.ts fills it from the database.
 */
import type { PostalAddress } from '../core/address.ts';
import type { FollowUpStage } from '../core/contact.ts';
import type { NoteHookKind } from '../core/hooks.ts';
import type { ContactSource, ContactStatus, Language, Tier, TouchKind } from '../core/types.ts';

export interface ExportedContact {
  /** The contact's id in this database: what `introductions` refer to (a re-import gives new ids). */
  id: number;
  name: string;
  tier: Tier;
  cadenceDays: number | null;
  place: string | null;
  metOn: string | null;
  tags: string[];
  company: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  /** `MM-DD`, or `YYYY-MM-DD` when the year is known. */
  birthday: string | null;
  address: PostalAddress | null;
  /** Frau, Herr, Ms, Mrs, Mr or Mx. */
  salutation: string | null;
  academicTitle: string | null;
  status: ContactStatus;
  source: ContactSource;
  snoozedUntil: string | null;
  createdOn: string;
  reviewedOn: string | null;
  followUp: { stage: FollowUpStage; due: string } | null;
  /** The latest real touch (derived from `touches`; kept for readers of the file). */
  lastTouchOn: string | null;
  /** `due` and `hook` only on a note with a hook (docs/occasions.md). */
  notes: { text: string; at: string; due?: string; hook?: NoteHookKind }[];
  touches: { at: string; kind: TouchKind; note: string | null }[];
  /** Open reminders (done ones are not exported). `id` keeps calendar entries stable. */
  reminders: { id: number; due: string; text: string | null }[];
}

export interface ExportData {
  version: 1;
  contacts: ExportedContact[];
  introductions: { from: string; to: string; fromId: number; toId: number; at: string; note: string | null }[];
  settings: {
    language: Language | null;
    timeZone: string | null;
    nudgeTime: string;
    nudgeDays: number[];
    nudgeCount: number;
    cadences: { A: number; B: number };
    pausedUntil: string | null;
    /** A pause that starts later: its first day; null when paused from now (or not paused). */
    pausedFrom: string | null;
    lastReviewOn: string | null;
    /** `DE-BY`, `none`, or null: derived from zone and language. */
    holidays: string | null;
  };
}
