/**
 * A full disk under the real process (`src/main.ts`, long polling against the
 * fake Bot API), with the database on a small tmpfs that a filler file fills
 * to the last byte — the file system's own ENOSPC, which SQLite reports as
 * SQLITE_FULL: the user hears "I cannot save right now — nothing was changed",
 * the update is not confirmed and is fetched again, /readyz answers 503 naming
 * the full disk, the log names it ("database or disk is full", not "cannot
 * rollback"), and once the filler is gone everything recovers by itself: the
 * update is handled, once, and /readyz is 200.
 *
 * Mounting a tmpfs needs root (CAP_SYS_ADMIN); elsewhere this file is skipped
 * and test/telegram/store-faults.test.ts covers the same path in-process
 * through SQLite's max_page_count.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, writeSync, rmSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram, tgUser } from '../doubles/fake-telegram.ts';
import { freePort } from '../doubles/net.ts';
import { until } from './harness.ts';

const mountPoint = mkdtempSync(join(tmpdir(), 'keepwarm-full-disk-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', mountPoint], { stdio: 'ignore' });
  mounted = true;
} catch {
  console.warn(`skipping ${import.meta.filename}: mounting a tmpfs needs root`);
}

let fake: FakeTelegram;
let child: ChildProcess | undefined;
let stderr = '';
let opsPort = 0;

beforeAll(async () => {
  if (!mounted) return;
  fake = await FakeTelegram.start();
  opsPort = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TZ: 'Europe/Berlin',
      DATABASE_URL: join(mountPoint, 'keepwarm.db'),
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      OPS_PORT: String(opsPort),
      OPS_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  await until(() => fake.calls.some((c) => c.method === 'deleteWebhook'), 'keepwarm to start polling', 60_000);
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  await fake?.close();
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  rmdirSync(mountPoint);
});

async function readyz(): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://127.0.0.1:${opsPort}/readyz`);
  return { status: response.status, body: await response.text() };
}

/** Writes zeros into `path` until the file system says no more (ENOSPC). */
function fillUp(path: string): number {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(16 * 1024);
  let written = 0;
  try {
    for (;;) written += writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // The last partial block too.
  const small = openSync(path, 'a');
  try {
    for (;;) written += writeSync(small, Buffer.alloc(512));
  } catch {
    // full
  } finally {
    closeSync(small);
  }
  return written;
}

describe.skipIf(!mounted)('a full disk under the real process, on Telegram', () => {
  it('answers "cannot save", keeps the update unconfirmed, says 503 with the reason, and recovers by itself when space returns', async () => {
    const ada = tgUser(1001, 'Ada', { language_code: 'en' });
    const texts = () => fake.ok('sendMessage').map((m) => String(m.text));
    fake.push(fake.text(ada, '/add Anna Schmidt, tier A'));
    await until(() => texts().some((t) => t.includes('Added <b>Anna Schmidt</b>')), 'the first answer', 30_000);
    expect((await readyz()).status).toBe(200);

    const filler = join(mountPoint, 'filler');
    fillUp(filler);
    const update = fake.push(fake.text(ada, '/met Bob Meyer at Expo Real, tier B #realestate'));
    await until(() => texts().some((t) => t.includes('I cannot save right now — nothing was changed')), 'the "cannot save" answer', 30_000);
    await until(() => (fake.fetched.get(update) ?? 0) >= 2, 'the update to be fetched again', 30_000);
    expect(fake.pending).toContain(update);
    const notReady = await readyz();
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toEqual({ status: 'not ready', reason: 'database or disk is full' });
    expect(stderr).toContain('database or disk is full');
    expect(stderr).not.toContain('cannot rollback');
    expect(child!.exitCode).toBeNull();

    rmSync(filler);
    await until(() => texts().some((t) => t.includes('Met <b>Bob Meyer</b>')), 'the update to be handled once there is room', 60_000);
    await until(() => !fake.pending.includes(update), 'the update to be confirmed', 30_000);
    expect((await readyz()).status).toBe(200);
    expect(texts().filter((t) => t.includes('Met <b>Bob Meyer</b>'))).toHaveLength(1);
    expect(texts().filter((t) => t.includes('I cannot save right now'))).toHaveLength(1);

    child!.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => (child!.exitCode !== null ? resolve(child!.exitCode) : child!.once('exit', resolve)));
    expect(code).toBe(0);
    const database = new SQLite(join(mountPoint, 'keepwarm.db'), { readonly: true });
    try {
      expect(database.prepare(`select name from contacts order by id`).all()).toEqual([{ name: 'Anna Schmidt' }, { name: 'Bob Meyer' }]);
      expect(database.prepare(`pragma integrity_check`).get()).toEqual({ integrity_check: 'ok' });
    } finally {
      database.close();
    }
  }, 180_000);
});
