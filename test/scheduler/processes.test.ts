/**
 * Real processes on a real database file: a fan-out killed with SIGKILL again
 * and again, and two schedulers racing. Every user gets exactly one nudge —
 * except a send in flight at a kill, which is at most once (docs/scheduler.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { freshDatabaseUrl } from '../doubles/database.ts';
import { addDueUsers } from '../doubles/due-users.ts';
import { readDeliveries } from '../doubles/delivery-log.ts';

const USERS = 200;
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-sched-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 200 Telegram users, each with an overdue A contact, all due a minute ago. */
async function populate(file: string): Promise<void> {
  const database = await openDatabase(file);
  await migrateToLatest(database.db);
  await addDueUsers(database.db, { count: USERS });
  await database.close();
}

function startScheduler(file: string, deliveries: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'test/doubles/scheduler-process.ts'], {
    env: { ...process.env, DATABASE_URL: file, DELIVERY_LOG: deliveries, SEND_DELAY_MS: '5', LEASE_MS: '1500' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

const deliveredLines = readDeliveries;

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function perUser(log: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { user } of deliveredLines(log)) counts.set(user, (counts.get(user) ?? 0) + 1);
  return counts;
}

async function outboxStatuses(file: string) {
  const database = await openDatabase(file);
  const rows = await database.db.selectFrom('outbox').select(['platform_user_id', 'status']).execute();
  await database.close();
  return rows;
}

describe('the scheduler as real processes', () => {
  it('killed with SIGKILL at 20 points of a 200-user fan-out and restarted: nobody twice, nobody missing but the in-flight sends', async () => {
    const file = await freshDatabaseUrl(dir, 'kill');
    const log = join(dir, 'kill.log');
    await populate(file);
    for (let kill = 1; kill <= 20; kill++) {
      const target = Math.min(USERS - 5, kill * 9);
      const child = startScheduler(file, log);
      await waitFor(() => deliveredLines(log).length >= target || child.exitCode !== null, 30_000);
      child.kill('SIGKILL');
      await exited(child);
    }
    const last = startScheduler(file, log);
    expect(await exited(last)).toBe(0);

    const counts = perUser(log);
    const statuses = await outboxStatuses(file);
    const unknown = new Set(statuses.filter((s) => s.status === 'unknown').map((s) => s.platform_user_id));
    expect(statuses).toHaveLength(USERS);
    expect(unknown.size).toBeLessThanOrEqual(20);
    for (let i = 0; i < USERS; i++) {
      const user = `u${i}`;
      const n = counts.get(user) ?? 0;
      if (unknown.has(user)) expect(n, user).toBeLessThanOrEqual(1);
      else expect(n, user).toBe(1);
    }
    expect(statuses.filter((s) => s.status === 'sent').length).toBeGreaterThanOrEqual(USERS - 20);
  }, 180_000);

  it('two schedulers on one database at once: exactly one nudge per user', async () => {
    const file = await freshDatabaseUrl(dir, 'race');
    const log = join(dir, 'race.log');
    await populate(file);
    const [a, b] = [startScheduler(file, log), startScheduler(file, log)];
    expect(await exited(a)).toBe(0);
    expect(await exited(b)).toBe(0);
    const counts = perUser(log);
    expect(counts.size).toBe(USERS);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const senders = new Set(readDeliveries(log).map((d) => d.pid));
    expect(senders.size).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
