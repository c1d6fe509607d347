/** The store: durable settings, migrations, undo steps, questions and de-duplication. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { undoLast, withChange } from '../../src/store/change.ts';
import { createContact, getContact, updateContact } from '../../src/store/contacts.ts';
import { clearPending, getPending, setPending } from '../../src/store/pending.ts';
import { firstDelivery, pruneInbound } from '../../src/store/inbound.ts';
import { ensureUser } from '../../src/store/users.ts';
import { memoryDatabase } from '../doubles/chat.ts';

const now = new Date('2026-11-23T09:00:00Z');
const who = { platform: 'console' as const, teamId: '', userId: 'u' };

describe('the SQLite file', () => {
  it('is opened in WAL mode with the chosen durability (NORMAL unless FULL is asked for), a busy timeout, foreign keys and secure delete', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keepwarm-db-'));
    try {
      const full = openSqlite(join(dir, 'full.db'), { synchronous: 'full' });
      expect(full.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
      full.sqlite!.close();
      const { sqlite } = openSqlite(join(dir, 'nested', 'k.db'));
      expect(sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite!.pragma('synchronous', { simple: true })).toBe(1);
      expect(sqlite!.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite!.pragma('secure_delete', { simple: true })).toBe(1);
      sqlite!.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('migrations run once; a second run changes nothing', async () => {
    const { db } = openSqlite(':memory:');
    expect(await migrateToLatest(db)).toContain('2026-11-25-0001-core');
    expect(await migrateToLatest(db)).toEqual([]);
  });
});

describe('undo steps', () => {
  it('revert inserts and updates of one change together, newest step first', async () => {
    const { db } = await memoryDatabase();
    const user = await ensureUser(db, who, {}, now);
    const id = await withChange(db, user, now, '{"key":"add"}', (ch) =>
      createContact(ch, { name: 'Anna', tier: 'B', source: 'add', createdOn: '2026-11-23' }),
    );
    await withChange(db, user, now, '{"key":"tier"}', (ch) => updateContact(ch, id, { tier: 'A', place: 'Messe' }));
    expect((await getContact(db, user.id, id))?.tier).toBe('A');

    expect(await withChange(db, user, now, null, undoLast)).toBe('{"key":"tier"}');
    expect(await getContact(db, user.id, id)).toMatchObject({ tier: 'B', place: null });
    expect(await withChange(db, user, now, null, undoLast)).toBe('{"key":"add"}');
    expect(await getContact(db, user.id, id)).toBeUndefined();
    expect(await withChange(db, user, now, null, undoLast)).toBeNull();
  });

  it('a failing change leaves nothing behind, not even an undo step', async () => {
    const { db } = await memoryDatabase();
    const user = await ensureUser(db, who, {}, now);
    await expect(
      withChange(db, user, now, '{"key":"add"}', async (ch) => {
        await createContact(ch, { name: 'Anna', tier: 'B', source: 'add', createdOn: '2026-11-23' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.selectFrom('contacts').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('undo_log').selectAll().execute()).toEqual([]);
  });

  it('keeps the last 20 steps', async () => {
    const { db } = await memoryDatabase();
    const user = await ensureUser(db, who, {}, now);
    for (let n = 0; n < 25; n++) {
      await withChange(db, user, now, `{"key":"add","name":"${n}"}`, (ch) =>
        createContact(ch, { name: `P${n}`, tier: 'B', source: 'add', createdOn: '2026-11-23' }),
      );
    }
    expect(await db.selectFrom('undo_log').selectAll().execute()).toHaveLength(20);
  });
});

describe('open questions', () => {
  it('one per user; a newer question replaces it; it expires after a day', async () => {
    const { db } = await memoryDatabase();
    const user = await ensureUser(db, who, {}, now);
    const first = await setPending(db, user.id, 'choose', { a: 1 }, now);
    const second = await setPending(db, user.id, 'delete', { b: 2 }, now);
    expect(first).not.toBe(second);
    expect(await getPending(db, user.id, now)).toEqual({ token: second, kind: 'delete', payload: { b: 2 } });
    expect(await clearPending(db, user.id, first)).toBe(false);
    expect(await getPending(db, user.id, new Date(now.getTime() + 25 * 3600_000))).toBeUndefined();
    expect(await clearPending(db, user.id, second)).toBe(true);
    expect(await clearPending(db, user.id, second)).toBe(false);
  });
});

describe('de-duplication of deliveries', () => {
  it('an update id counts once per platform and is forgotten after a week', async () => {
    const { db } = await memoryDatabase();
    expect(await firstDelivery(db, 'telegram', '42', now)).toBe(true);
    expect(await firstDelivery(db, 'telegram', '42', now)).toBe(false);
    expect(await firstDelivery(db, 'slack', '42', now)).toBe(true);
    await pruneInbound(db, new Date(now.getTime() + 8 * 86_400_000));
    expect(await firstDelivery(db, 'telegram', '42', now)).toBe(true);
  });
});
