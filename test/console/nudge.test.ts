/** While keepwarm runs (`npm start`), the nudge appears in the console chat at nudge time, and its buttons work there. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { freshDatabaseUrl } from '../doubles/database.ts';
import { BIN, spawnKeepwarm, spawnStart } from '../doubles/keepwarm-process.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-console-nudge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A real process reads the real clock, so the test gives the user a zone in
 * which it is around noon now and makes every day a nudge day: the nudge due
 * a second ago is today's, whatever the day and hour (a Saturday, a public
 * holiday, 23:59 in Berlin).
 */
function noonZone(now: Date): string {
  const offset = 12 - now.getUTCHours();
  // Etc/GMT zones count the other way round: Etc/GMT-3 is UTC+3.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

it('the morning nudge shows up in a running console chat and a number presses its button', async () => {
  const env = { ...process.env, DATABASE_URL: await freshDatabaseUrl(dir, 'k'), TZ: noonZone(new Date()), LANG: 'en_US.UTF-8', LOG_LEVEL: 'silent', KEEPWARM_USER: 'eve' };
  const setup = spawnKeepwarm(['chat', '--user', 'eve'], { env });
  setup.stdin!.end('/add Anna Schmidt, tier A, last talked 4 months ago\n/settings days daily\n/settings holidays none\n');
  await new Promise((resolve) => setup.on('close', resolve));
  // Pretend the bot was down at 09:00: the nudge was due a minute ago.
  const database = await openDatabase(env.DATABASE_URL);
  await database.db.updateTable('users').set({ next_nudge_at: new Date(Date.now() - 1000).toISOString() }).execute();
  await database.close();

  const child = spawnStart({ env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const until = async (text: string) => {
    const end = Date.now() + 20_000;
    while (!out.includes(text)) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`never saw "${text}" in:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await until('Good morning! Your call for today:');
  expect(out).toContain('1. Anna Schmidt (A)');
  expect(out).toContain('[1] ✅ Done: Anna Schmidt');
  child.stdin!.write('1\n');
  await until('Anna Schmidt — ✅ done');
  child.stdin!.end();
  expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);

  const { stdout } = await run(process.execPath, [BIN, 'export', '--user', 'eve'], { env });
  const touches = JSON.parse(stdout).contacts[0].touches as { kind: string }[];
  expect(touches.map((t) => t.kind)).toEqual(['other', 'other']);
}, 60_000);
