/** The contacts with a birthday, for the nudge's greetings and the Monday preview. */
import type { Kysely, Transaction } from 'kysely';
import type { Tier } from '../core/types.ts';
import type { DB } from './schema.ts';

export interface BirthdayRow {
  id: number;
  userId: number;
  name: string;
  tier: Tier;
  status: 'active' | 'archived';
  birthday: string;
  salutation: string | null;
}

/** Active A and B contacts with a birthday, by user; a few hundred users a statement. */
export async function birthdayContacts(db: Kysely<DB> | Transaction<DB>, userIds: number[], tiers: readonly Tier[] = ['A', 'B']): Promise<Map<number, BirthdayRow[]>> {
  const byUser = new Map<number, BirthdayRow[]>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'user_id', 'name', 'tier', 'status', 'birthday', 'salutation'])
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .where('status', '=', 'active')
      .where('tier', 'in', [...tiers])
      .where('birthday', 'is not', null)
      .execute();
    for (const row of rows) {
      if (row.birthday === null) continue;
      const list = byUser.get(row.user_id) ?? [];
      list.push({ id: row.id, userId: row.user_id, name: row.name, tier: row.tier, status: row.status, birthday: row.birthday, salutation: row.salutation });
      byUser.set(row.user_id, list);
    }
  }
  return byUser;
}
