/**
 * Users whose nudge is due right now, each with one overdue A contact — the
 * starting point of every fan-out test and benchmark. Written straight into
 * the tables, in batches, so thousands take a moment.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/store/schema.ts';

export interface DueUsersOptions {
  count: number;
  platform?: 'telegram' | 'slack' | 'console';
  /** Platform user id of user k: `${prefix}${k}` (default 'u'), or a number offset. */
  userId?: (k: number) => string;
  /** When the nudge was due (default: half a minute ago, but never before today's midnight UTC — a nudge is caught up on its own day only). */
  dueAt?: Date;
}

/** Adds the users and returns their database ids, in order. */
export async function addDueUsers(db: Kysely<DB>, options: DueUsersOptions): Promise<number[]> {
  const now = new Date().toISOString();
  const due = (options.dueAt ?? new Date(Math.max(Date.now() - 30_000, new Date().setUTCHours(0, 0, 0, 0)))).toISOString();
  const userId = options.userId ?? ((k: number) => `u${k}`);
  const ids: number[] = [];
  for (let start = 0; start < options.count; start += 200) {
    const size = Math.min(200, options.count - start);
    const rows = await db
      .insertInto('users')
      .values(Array.from({ length: size }, (_, k) => ({
        platform: options.platform ?? 'telegram', platform_user_id: userId(start + k), chat_id: userId(start + k), platform_time_zone: 'UTC',
        nudge_days: '1,2,3,4,5,6,7', created_on: '2026-01-01', created_at: now, next_nudge_at: due,
      })))
      .returning('id')
      .execute();
    await db
      .insertInto('contacts')
      .values(rows.map(({ id }, k) => ({
        user_id: id, name: `Friend ${start + k}`, name_key: `friend ${start + k}`, tier: 'A', source: 'add',
        last_touch_on: '2026-01-01', due_on: '2026-03-02', created_on: '2026-01-01', created_at: now,
      })))
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
