/**
 * Three scheduler processes on one database, 2,000 users due in the same
 * minute, one process killed with SIGKILL midway: every user gets exactly one
 * nudge (but a send in flight at the kill, at most once), and together the
 * processes never send faster than the platform's limit — the budget is one
 * row in the database, not three in memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { freshDatabaseUrl } from '../doubles/database.ts';
import { addDueUsers } from '../doubles/due-users.ts';
import { readDeliveries } from '../doubles/delivery-log.ts';

const USERS = 2000;
const RATE = 400;
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-schedulers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scheduler(url: string, log: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'test/doubles/scheduler-process.ts'], {
    env: { ...process.env, DATABASE_URL: url, DELIVERY_LOG: log, SEND_DELAY_MS: '2', LEASE_MS: '1500', RATE: String(RATE), CONCURRENCY: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

const lines = readDeliveries;

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

it('three schedulers, 2,000 users, one killed midway: one nudge each, never faster than the shared limit', async () => {
  const url = await freshDatabaseUrl(dir, 'schedulers');
  const log = join(dir, 'deliveries.log');
  const setup = await openDatabase(url);
  await migrateToLatest(setup.db);
  await addDueUsers(setup.db, { count: USERS });
  await setup.close();
  const processes = [scheduler(url, log), scheduler(url, log), scheduler(url, log)];
  const victim = processes[0]!;
  const end = Date.now() + 60_000;
  while (lines(log).filter((l) => l.pid === victim.pid).length < 100) {
    if (Date.now() > end || victim.exitCode !== null) throw new Error('the first scheduler never got going');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  victim.kill('SIGKILL');
  await exited(victim);
  expect(await exited(processes[1]!)).toBe(0);
  expect(await exited(processes[2]!)).toBe(0);

  const deliveries = lines(log);
  const database = await openDatabase(url);
  const outbox = await database.db.selectFrom('outbox').select(['platform_user_id', 'status']).execute();
  await database.close();
  const unknown = new Set(outbox.filter((o) => o.status === 'unknown').map((o) => o.platform_user_id));
  expect(outbox).toHaveLength(USERS);
  expect(unknown.size).toBeLessThanOrEqual(1);
  const perUser = new Map<string, number>();
  for (const d of deliveries) perUser.set(d.user, (perUser.get(d.user) ?? 0) + 1);
  for (let i = 0; i < USERS; i++) {
    const n = perUser.get(`u${i}`) ?? 0;
    if (unknown.has(`u${i}`)) expect(n).toBeLessThanOrEqual(1);
    else expect(n, `u${i}`).toBe(1);
  }
  expect(new Set(deliveries.map((d) => d.pid)).size).toBe(3);

  // The combined rate, in every one-second window of the deliveries. Slots are
  // booked 1/RATE apart in the database; what a window can hold beyond RATE is
  // only a send that waited in a busy event loop and landed next to the
  // following one — a handful, whatever the machine.
  const times = deliveries.map((d) => d.at).sort((a, b) => a - b);
  let worst = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    worst = Math.max(worst, i - j + 1);
  }
  expect(worst).toBeLessThanOrEqual(RATE + 10);
  const seconds = (times.at(-1)! - times[0]!) / 1000;
  expect(deliveries.length / seconds).toBeLessThanOrEqual(RATE * 1.01);
}, 120_000);
