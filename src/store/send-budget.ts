/**
 * The shared send budget: one row per scope holding the next free send slot.
 * Taking a slot is a single conditional UPDATE … RETURNING, so any number of
 * instances on one database together never send faster than the limit —
 * the coordination is the database's row lock, nothing in memory.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export interface SendBudget {
  /** Books the next slot of `scope`, `gapUs` after the previous one; returns when it starts (µs). */
  reserve(scope: string, gapUs: number, nowUs: number): Promise<number>;
  /** Nobody in `scope` sends before `untilUs` (the platform said "retry after"). */
  hold(scope: string, untilUs: number): Promise<void>;
}

export function databaseBudget(db: Kysely<DB>): SendBudget {
  const known = new Set<string>();
  const ensure = async (scope: string) => {
    if (known.has(scope)) return;
    await db.insertInto('send_budget').values({ scope, next_us: 0 }).onConflict((oc) => oc.column('scope').doNothing()).execute();
    known.add(scope);
  };
  return {
    async reserve(scope, gapUs, nowUs) {
      await ensure(scope);
      const gap = Math.ceil(gapUs);
      const row = await db
        .updateTable('send_budget')
        .set({ next_us: sql<number>`(case when next_us > ${nowUs} then next_us else ${nowUs} end) + ${gap}` })
        .where('scope', '=', scope)
        .returning('next_us')
        .executeTakeFirstOrThrow();
      return Number(row.next_us) - gap;
    },
    async hold(scope, untilUs) {
      await ensure(scope);
      await db
        .updateTable('send_budget')
        .set({ next_us: sql<number>`case when next_us > ${untilUs} then next_us else ${untilUs} end` })
        .where('scope', '=', scope)
        .execute();
    },
  };
}
