/**
 * Everything keepwarm holds about one user, as plain JSON (the /export json
 * and `keepwarm export` format, docs/import-export.md). Dates: instants ISO-8601,
 * local dates YYYY-MM-DD.
 */
import type { Kysely } from 'kysely';
import type { PostalAddress } from '../core/address.ts';
import type { Language } from '../core/types.ts';
import type { DB } from './schema.ts';
import { toContact } from './contacts.ts';
import { getUserById, type User } from './users.ts';

export interface ExportedContact {
  /** The contact's id in this database: what `introductions` refer to (a re-import gives new ids). */
  id: number;
  name: string;
  tier: string;
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
  status: string;
  source: string;
  snoozedUntil: string | null;
  createdOn: string;
  reviewedOn: string | null;
  followUp: { stage: string; due: string } | null;
  /** The latest real touch (derived from `touches`; kept for readers of the file). */
  lastTouchOn: string | null;
  notes: { text: string; at: string }[];
  touches: { at: string; kind: string; note: string | null }[];
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
    lastReviewOn: string | null;
  };
}

function group<T extends { contact_id: number }>(rows: T[]): Map<number, T[]> {
  const byContact = new Map<number, T[]>();
  for (const row of rows) {
    const list = byContact.get(row.contact_id);
    if (list) list.push(row);
    else byContact.set(row.contact_id, [row]);
  }
  return byContact;
}

/** The settings as exported: only what the user chose for language and zone, not the platform's guess. */
export function exportedSettings(user: User): ExportData['settings'] {
  return {
    language: user.languageSetByUser ? user.language : null,
    timeZone: user.timeZoneSetByUser ? user.timeZone : null,
    nudgeTime: user.nudgeTime,
    nudgeDays: user.nudgeDays,
    nudgeCount: user.nudgeCount,
    cadences: user.cadences,
    pausedUntil: user.pausedUntil,
    lastReviewOn: user.lastReviewOn,
  };
}

export async function exportUserData(db: Kysely<DB>, userId: number): Promise<ExportData> {
  const user = await getUserById(db, userId);
  if (!user) throw new Error(`no user ${userId}`);
  const [contacts, touches, notes, reminders, intros] = await Promise.all([
    db.selectFrom('contacts').selectAll().where('user_id', '=', userId).orderBy('id').execute(),
    db.selectFrom('touches').selectAll().where('user_id', '=', userId).orderBy('touched_on').orderBy('id').execute(),
    db.selectFrom('notes').selectAll().where('user_id', '=', userId).orderBy('id').execute(),
    db.selectFrom('reminders').selectAll().where('user_id', '=', userId).where('done_at', 'is', null).orderBy('due').orderBy('id').execute(),
    db.selectFrom('introductions').selectAll().where('user_id', '=', userId).orderBy('id').execute(),
  ]);
  const touchesOf = group(touches);
  const notesOf = group(notes);
  const remindersOf = group(reminders);
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  return {
    version: 1,
    contacts: contacts.map((row) => {
      const c = toContact(row);
      return {
        id: c.id,
        name: c.name,
        tier: c.tier,
        cadenceDays: c.cadenceDays,
        place: c.place,
        metOn: c.metOn,
        tags: c.tags,
        company: c.company,
        role: c.role,
        email: c.email,
        phone: c.phone,
        birthday: c.birthday,
        address: c.address,
        salutation: c.salutation,
        academicTitle: c.academicTitle,
        status: c.status,
        source: c.source,
        snoozedUntil: c.snoozedUntil,
        createdOn: c.createdOn,
        reviewedOn: c.reviewedOn,
        followUp: c.followUp,
        lastTouchOn: c.lastTouchOn,
        notes: (notesOf.get(c.id) ?? []).map((n) => ({ text: n.text, at: n.created_at })),
        touches: (touchesOf.get(c.id) ?? []).map((t) => ({ at: t.touched_on, kind: t.kind, note: t.note })),
        reminders: (remindersOf.get(c.id) ?? []).map((r) => ({ id: r.id, due: r.due, text: r.text })),
      };
    }),
    introductions: intros.map((i) => ({
      from: names.get(i.from_contact_id) ?? '',
      to: names.get(i.to_contact_id) ?? '',
      fromId: i.from_contact_id,
      toId: i.to_contact_id,
      at: i.introduced_on,
      note: i.note,
    })),
    settings: exportedSettings(user),
  };
}
