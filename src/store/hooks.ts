/** Notes with a hook whose window may hold `today`, with what the hook rules need of their contact. */
import type { Kysely, Transaction } from 'kysely';
import { NEWS_DAYS, type HookNote } from '../core/hooks.ts';
import { addDays } from '../core/dates.ts';
import type { LocalDate } from '../core/types.ts';
import type { DB } from './schema.ts';

/** A hook is a reason for at most two weeks after its day (src/core/hooks.ts): older ones are not read. */
const LOOK_BACK_DAYS = 14;

export async function hookNotes(db: Kysely<DB> | Transaction<DB>, userIds: number[], today: LocalDate): Promise<Map<number, HookNote[]>> {
  const byUser = new Map<number, HookNote[]>();
  // A dated hook's window opens on the Monday of its week: up to six days before its day.
  const from = addDays(today, -Math.max(LOOK_BACK_DAYS, NEWS_DAYS));
  const to = addDays(today, 6);
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('notes')
      .innerJoin('contacts', 'contacts.id', 'notes.contact_id')
      .select(['notes.id', 'notes.user_id', 'notes.contact_id', 'notes.text', 'notes.due_on', 'notes.hook', 'contacts.tier', 'contacts.status', 'contacts.last_touch_on'])
      .where('notes.user_id', 'in', userIds.slice(i, i + 500))
      .where('notes.hook', 'is not', null)
      .where('notes.due_on', '>=', from)
      .where('notes.due_on', '<=', to)
      .execute();
    for (const row of rows) {
      if (row.hook === null || row.due_on === null) continue;
      const list = byUser.get(row.user_id) ?? [];
      list.push({ noteId: row.id, contactId: row.contact_id, text: row.text, kind: row.hook, dueOn: row.due_on, tier: row.tier, status: row.status, lastTouchOn: row.last_touch_on });
      byUser.set(row.user_id, list);
    }
  }
  return byUser;
}
