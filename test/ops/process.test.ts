/**
 * keepwarm as a real process (what `npm start` runs): on SIGTERM /readyz
 * answers 503 at once while the work in flight (here a nudge whose send the
 * Bot API has not answered yet) finishes, /healthz stays 200, and the process exits 0 with the nudge
 * delivered. And the console chat serves the endpoints only on OPS_PORT.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { freshDatabaseUrl } from '../doubles/database.ts';
import { FakeTelegram } from '../doubles/fake-telegram.ts';
import { until } from '../telegram/harness.ts';
import { holdCalls } from './gate.ts';
import { sample } from './helpers.ts';
import { addDueUsers } from '../doubles/due-users.ts';
import { spawnStart } from '../doubles/keepwarm-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepwarm-ops-'));
/** Process groups still running when a test ends (a failed test must not leave keepwarm behind). */
const running = new Set<number>();
afterEach(() => {
  for (const group of running) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  stdout: () => string;
  /** The JSON log lines so far. */
  logs: () => Record<string, unknown>[];
  exit: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawnStart({
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'Europe/Berlin', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so cleanup reaches it and anything it started.
    detached: true,
  });
  running.add(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child.pid!);
      resolve(code);
    }),
  );
  const logs = () =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, stdout: () => stdout, logs, exit };
}

async function portFrom(started: Started, message: string): Promise<number> {
  await until(() => started.logs().some((l) => l.msg === message), `"${message}" in the log`, 30_000);
  return started.logs().find((l) => l.msg === message)!.port as number;
}

async function get(port: number, path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: await response.text() };
}

/** A Telegram user whose nudge was due a minute ago, with an overdue A contact. */
async function populate(url: string): Promise<void> {
  const database = await openDatabase(url);
  await migrateToLatest(database.db);
  await addDueUsers(database.db, { count: 1, userId: () => '5001' });
  await database.close();
}

describe('shutdown', () => {
  it('on SIGTERM /readyz turns 503 on the webhook port while a nudge send finishes, then the process exits 0', async () => {
    const fake = await FakeTelegram.start();
    const gate = await holdCalls(fake.apiRoot, 'sendMessage');
    const url = await freshDatabaseUrl(dir, 'drain');
    await populate(url);
    try {
      const keepwarm = start({
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: gate.url,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/hook',
        TELEGRAM_WEBHOOK_PORT: '0',
        TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
        DATABASE_URL: url,
      });
      const port = await portFrom(keepwarm, 'telegram: webhook set');
      // The scheduler's first tick is sending the nudge; the Bot API holds the answer.
      await until(() => gate.held() === 1, 'the nudge to be in flight', 30_000);
      expect(await get(port, '/readyz')).toEqual({ status: 200, body: '{"status":"ready"}\n' });
      const metrics = (await get(port, '/metrics')).body;
      expect(sample(metrics, 'keepwarm_nudges_claimed_total')).toBe(1);
      expect(sample(metrics, 'keepwarm_outbox_depth{status="sending"}')).toBe(1);

      // As a container runtime does. (That npm passes SIGTERM on is test/telegram/process.test.ts.)
      keepwarm.child.kill('SIGTERM');
      // The signal takes a moment to arrive; the held send keeps the port open meanwhile.
      let draining = await get(port, '/readyz');
      for (let i = 0; i < 1000 && draining.status !== 503; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        draining = await get(port, '/readyz');
      }
      expect(draining).toEqual({ status: 503, body: '{"status":"not ready","reason":"shutting down"}\n' });
      expect(await get(port, '/healthz')).toEqual({ status: 200, body: 'ok\n' });
      expect(gate.held()).toBe(1);

      gate.open();
      expect(await keepwarm.exit).toBe(0);
      expect(fake.ok('sendMessage')).toHaveLength(1);
      const database = await openDatabase(url);
      try {
        expect(await database.db.selectFrom('outbox').select('status').execute()).toEqual([{ status: 'sent' }]);
      } finally {
        await database.close();
      }
    } finally {
      gate.open();
      await gate.close();
      await fake.close();
    }
  }, 90_000);
});

describe('the console chat', () => {
  it('serves the endpoints on OPS_PORT, counts what it handles, and exits 0 when the input ends', async () => {
    const keepwarm = start({ DATABASE_URL: join(dir, 'console.db'), OPS_PORT: '0', OPS_HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    const port = await portFrom(keepwarm, 'ops: /healthz, /readyz and /metrics listening');
    expect(await get(port, '/healthz')).toEqual({ status: 200, body: 'ok\n' });
    expect((await get(port, '/readyz')).status).toBe(200);
    keepwarm.child.stdin!.write('/help\n');
    await until(() => keepwarm.stdout().includes('/met'), 'the help text', 30_000);
    expect(sample((await get(port, '/metrics')).body, 'keepwarm_updates_total{platform="console",outcome="handled"}')).toBe(1);
    keepwarm.child.stdin!.end();
    expect(await keepwarm.exit).toBe(0);
  }, 60_000);

  it('opens no port without OPS_PORT, even with PORT set', async () => {
    const keepwarm = start({ DATABASE_URL: join(dir, 'portless.db'), PORT: '0', LOG_LEVEL: 'info' });
    keepwarm.child.stdin!.write('/help\n');
    await until(() => keepwarm.stdout().includes('/met'), 'the help text', 30_000);
    keepwarm.child.stdin!.end();
    expect(await keepwarm.exit).toBe(0);
    expect(keepwarm.logs().map((l) => l.msg)).not.toContain('ops: /healthz, /readyz and /metrics listening');
  }, 60_000);
});
