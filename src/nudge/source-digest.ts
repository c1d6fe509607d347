/**
 * Gathers the morning nudge's lines about calendars and mailboxes for a batch
 * of users (the composer's one hook; core/source-digest.ts decides what they
 * say). Users without a source cost one query for the whole batch.
 */
import type { Kysely, Transaction } from 'kysely';
import { addDays, instantAt } from '../core/dates.ts';
import { buildSourceDigest, type SourceDigest } from '../core/source-digest.ts';
import type { LocalDate } from '../core/types.ts';
import { latestNotesOf } from '../store/nudge-inputs.ts';
import type { DB } from '../store/schema.ts';
import { eventsOn, touchesLoggedSince } from '../store/source-items.ts';
import type { User } from '../store/users.ts';

type Db = Kysely<DB> | Transaction<DB>;

const CHUNK = 500;

async function usersWithSources(db: Db, ids: number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('sources').select('user_id').distinct().where('user_id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const row of rows) found.add(row.user_id);
  }
  return found;
}

/** Each user's digest for `today`, for those with something to say. "Since yesterday" is since yesterday's nudge time. */
export async function sourceDigests(db: Db, users: User[], today: LocalDate): Promise<Map<number, SourceDigest>> {
  const digests = new Map<number, SourceDigest>();
  if (users.length === 0) return digests;
  const withSources = await usersWithSources(db, users.map((u) => u.id));
  for (const user of users) {
    if (!withSources.has(user.id)) continue;
    const since = instantAt(addDays(today, -1), user.nudgeTime, user.timeZone);
    const [logged, events] = await Promise.all([touchesLoggedSince(db, user.id, since), eventsOn(db, user.id, today)]);
    const ids = [...new Set([...logged.map((t) => t.contactId), ...events.map((e) => e.contactId)])];
    if (ids.length === 0) continue;
    const rows = await db.selectFrom('contacts').select(['id', 'name', 'last_touch_on']).where('user_id', '=', user.id).where('id', 'in', ids).execute();
    const contacts = new Map(rows.map((r) => [r.id, { name: r.name, lastTouchOn: r.last_touch_on }]));
    const notes = await latestNotesOf(db, [user.id], [...new Set(events.map((e) => e.contactId))]);
    const digest = buildSourceDigest({ logged, events, contacts, notes, timeZone: user.timeZone, today });
    if (digest) digests.set(user.id, digest);
  }
  return digests;
}
