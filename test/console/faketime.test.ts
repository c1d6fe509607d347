/**
 * The whole process at a chosen moment: `npm start`'s own clock set by
 * libfaketime to just before 09:00 on the spring daylight-saving switch day
 * in Berlin. The nudge must come at 09:00 local (07:00Z), not an hour off.
 * `.ci/run` installs Debian's faketime.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { freshDatabaseUrl } from '../doubles/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepwarm-faketime-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// CI installs faketime; on a machine without it this one test is reported skipped, saying why.
const faketimeInstalled = spawnSync('faketime', ['--version']).status === 0;
if (!faketimeInstalled) console.warn(`skipping ${import.meta.filename}: needs Debian's faketime (apt-get install faketime)`);

it.skipIf(!faketimeInstalled)('under faketime, the nudge of 29 March 2026 comes at 09:00 Berlin summer time', async () => {
  const env = { ...process.env, DATABASE_URL: await freshDatabaseUrl(dir, 'k'), TZ: 'Europe/Berlin', LANG: 'en_US.UTF-8', LOG_LEVEL: 'silent', KEEPWARM_USER: 'eve' };
  // Saturday noon, still winter time: the user sets up their network.
  const setup = spawnSync('faketime', ['-f', '@2026-03-28 12:00:00', process.execPath, '--import', 'tsx', 'src/cli.ts', 'chat', '--user', 'eve'], {
    env,
    input: '/add Anna Schmidt, tier A, last talked 4 months ago\n/settings days daily\n',
  });
  expect(setup.status).toBe(0);

  // Sunday 08:59:50 local — the clocks went forward at 02:00.
  const child = spawn('faketime', ['-f', '@2026-03-29 08:59:50', process.execPath, '--import', 'tsx', 'src/main.ts'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const end = Date.now() + 40_000;
  while (!out.includes('Good morning')) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`no nudge; output:\n${out}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.stdin.end();
  expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
  expect(out).toContain('1. Anna Schmidt (A)');

  const database = await openDatabase(env.DATABASE_URL);
  const nudges = await database.db.selectFrom('nudges').select(['local_date', 'created_at']).where('local_date', 'is not', null).execute();
  const outbox = await database.db.selectFrom('outbox').select('sent_at').execute();
  await database.close();
  expect(nudges).toHaveLength(1);
  expect(nudges[0]!.local_date).toBe('2026-03-29');
  expect(nudges[0]!.created_at >= '2026-03-29T07:00:00.000Z' && nudges[0]!.created_at < '2026-03-29T07:01:00.000Z').toBe(true);
  expect(outbox[0]!.sent_at! >= '2026-03-29T07:00:00.000Z').toBe(true);
}, 90_000);
