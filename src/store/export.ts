/** Reads everything keepwarm holds about one user into the export format (src/export/data.ts). */
import type { Kysely } from 'kysely';
import type { ExportData } from '../export/data.ts';
import type { DB } from './schema.ts';
import { toContact } from './contacts.ts';
import { getUserById, type User } from './users.ts';

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
    pausedFrom: user.pausedFrom,
    lastReviewOn: user.lastReviewOn,
    holidays: user.holidays,
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
        notes: (notesOf.get(c.id) ?? []).map((n) => ({ text: n.text, at: n.created_at, ...(n.hook && n.due_on ? { due: n.due_on, hook: n.hook } : {}) })),
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
