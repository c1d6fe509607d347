import { describe, expect, it } from 'vitest';
import { pruneHistory } from '../../src/store/prune.ts';
import { firstDelivery } from '../../src/store/inbound.ts';
import { enqueue } from '../../src/store/outbox.ts';
import { saveShownList } from '../../src/store/nudges.ts';
import { ensureUser } from '../../src/store/users.ts';
import { memoryDatabase } from '../doubles/chat.ts';

const DAY = 86_400_000;

describe('pruning history', () => {
  it('forgets old update ids, /today lists and settled outbox rows, and keeps the daily claims', async () => {
    const { db } = await memoryDatabase();
    const then = new Date('2026-10-01T08:00:00Z');
    const user = await ensureUser(db, { platform: 'telegram', teamId: '', userId: '1' }, { chatId: '1' }, then);
    await firstDelivery(db, 'telegram', 'old-update', then);
    const model = { date: '2026-10-01', kind: 'today' as const, reviewInvite: false, entries: [] };
    await saveShownList(db, user.id, model, [], then.toISOString());
    await db.insertInto('nudges').values({ user_id: user.id, local_date: '2026-10-01', status: 'sent', model: '{}', message_id: 'm1', created_at: then.toISOString() }).execute();
    const message = { userId: user.id, nudgeId: null, platform: 'telegram', teamId: '', platformUserId: '1', chatId: '1', reply: { text: [] }, expiresAt: then.toISOString() };
    const recent = { ...message, expiresAt: new Date(then.getTime() + 39 * DAY).toISOString() };
    await enqueue(db, [message, message, recent], then.toISOString());
    await db.updateTable('outbox').set({ status: 'sent' }).where('id', '=', 1).execute();

    await pruneHistory(db, new Date(then.getTime() + 40 * DAY));

    expect(await db.selectFrom('inbound_events').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('nudges').select('local_date').execute()).toEqual([{ local_date: '2026-10-01' }]);
    // The sent row and the long-expired pending one go; one still within its window stays.
    expect(await db.selectFrom('outbox').select(['id', 'status']).execute()).toEqual([{ id: 3, status: 'pending' }]);
  });
});
