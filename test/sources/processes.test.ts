/**
 * Sources across processes, on a database file (or a PostgreSQL schema under
 * `npm run test:pg`): `keepwarm sync --user` prints what it did; a sync
 * killed with SIGKILL in the middle of reading a mailbox leaves nothing
 * behind, and the sync after it (once the dead instance's claim ran out) logs
 * every mail exactly once; two instances syncing at once sync each source once.
 *
 * Mails are dated relative to the moment the test runs (the processes read
 * the real clock); nothing here depends on the weekday or hour.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/sources/secret-box.ts';
import { createSourceSync } from '../../src/sources/runner.ts';
import { openDatabase, type Database } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import { connectSource } from '../../src/store/sources.ts';
import { ensureUser, type User } from '../../src/store/users.ts';
import { startCalendarServer, type CalendarServer } from '../doubles/calendar-server.ts';
import { freshDatabaseUrl } from '../doubles/database.ts';
import { NO_DOVECOT_REASON, dovecotAvailable, mailText, startDovecot, type TestDovecot } from '../doubles/dovecot.ts';
import { NETWORK } from './fixtures.ts';
import { addNetwork } from './world.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepwarm-sources-proc-'));
const KEY = randomBytes(32);
const box = createSecretBox(KEY);
const MAILS = 3000;
const addresses = NETWORK.flatMap((c) => (c.email ? [c.email] : []));

interface Run {
  code: number | null;
  stdout: string;
}

function run(args: string[], env: Record<string, string>, onStart?: (kill: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', KEEPWARM_SECRET_KEY: KEY.toString('base64'), KEEPWARM_SOURCES_PRIVATE_HOSTS: 'allow', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout }));
    onStart?.(() => child.kill('SIGKILL'));
  });
}

async function world(name: string): Promise<{ url: string; database: Database; user: User }> {
  const url = await freshDatabaseUrl(dir, name);
  const database = await openDatabase(url);
  await migrateToLatest(database.db);
  const user = await ensureUser(database.db, { platform: 'console', teamId: '', userId: name }, { timeZone: 'Europe/Berlin' }, new Date());
  await addNetwork(database, user, new Date());
  return { url, database, user };
}

async function touchCount(database: Database, userId: number): Promise<{ total: number; distinct: number }> {
  const rows = await database.db.selectFrom('touches').select(['source_item_id']).where('user_id', '=', userId).execute();
  return { total: rows.length, distinct: new Set(rows.map((r) => r.source_item_id)).size };
}

if (!dovecotAvailable) console.warn(`skipping ${import.meta.filename}: ${NO_DOVECOT_REASON}`);
// Each process starts tsx and opens the database: slow on a busy machine, hence the long timeouts.
describe.skipIf(!dovecotAvailable)('sources across processes', { timeout: 180_000 }, () => {
  let dovecot: TestDovecot;
  let calendars: CalendarServer;
  beforeAll(async () => {
    dovecot = await startDovecot([{ user: 'ada', password: 'pw-ada' }, { user: 'cli', password: 'pw-cli' }, { user: 'two', password: 'pw-two' }]);
    const now = Date.now();
    const mails = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        mailText({ from: 'me@example.org', to: [addresses[i % addresses.length]!], date: new Date(now - (1 + (i % 20)) * 86_400_000), messageId: `<${prefix}-${i}@example.org>` }),
      );
    dovecot.deliver('ada', 'Sent', mails('kill', MAILS));
    dovecot.deliver('cli', 'Sent', mails('cli', 12));
    dovecot.deliver('two', 'Sent', mails('two', 40));
    calendars = await startCalendarServer();
    const day = new Date(now - 3 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    for (const n of [1, 2, 3]) {
      calendars.serve(`/cal-${n}.ics`, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', `UID:e${n}`, `DTSTART:${day}T100000Z`, `DTEND:${day}T110000Z`, `SUMMARY:Lunch with Tom Berger ${n}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    }
  });
  afterAll(async () => {
    await dovecot?.stop();
    await calendars?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const imap = (user: string, password: string) => ({ kind: 'imap' as const, name: 'mail', host: dovecot.host, username: user, secret: password, options: { port: dovecot.port, tls: 'none' as const } });

  it('keepwarm sync --user syncs once, prints a line per source and a summary, and exits 0', async () => {
    const w = await world('cli');
    await connectSource(w.database.db, w.user.id, imap('cli', 'pw-cli'), box, new Date());
    const result = await run(['src/cli.ts', 'sync', '--user', 'cli'], { DATABASE_URL: w.url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('mail (imap): ok — 12 added, 0 moved, 0 removed, 12 read');
    expect(result.stdout).toContain('1 synced, 12 touches added');
    const again = await run(['src/cli.ts', 'sync', '--user', 'cli'], { DATABASE_URL: w.url });
    expect(again.stdout).toContain('mail (imap): ok — 0 added');
    expect(await touchCount(w.database, w.user.id)).toEqual({ total: 12, distinct: 12 });
    await w.database.close();
  });

  it('a sync killed with SIGKILL mid-read loses and doubles nothing: after the claim runs out, every mail is logged once', async () => {
    const w = await world('ada');
    await connectSource(w.database.db, w.user.id, imap('ada', 'pw-ada'), box, new Date());
    const loginsBefore = dovecot.logins('ada');
    const killed = await run(['src/cli.ts', 'sync', '--user', 'ada'], { DATABASE_URL: w.url }, (kill) => {
      const poll = setInterval(() => {
        // The process is logged in and fetching headers: kill it there.
        if (dovecot.logins('ada') > loginsBefore) {
          clearInterval(poll);
          kill();
        }
      }, 5);
    });
    expect(killed.code).toBeNull();
    const afterKill = await touchCount(w.database, w.user.id);
    // All or nothing: the touches of one sync are one transaction.
    expect([0, MAILS]).toContain(afterKill.total);
    // A restart after the dead instance's lease ran out (the clock moved on 11 minutes).
    const later = new Date(Date.now() + 11 * 60_000);
    const [result] = await createSourceSync({ db: w.database.db, box, limits: { allowPrivate: true }, now: () => later }).runForUser(w.user.id);
    expect(result?.result).toBe('ok');
    expect(await touchCount(w.database, w.user.id)).toEqual({ total: MAILS, distinct: MAILS });
    const [again] = await createSourceSync({ db: w.database.db, box, limits: { allowPrivate: true }, now: () => later }).runForUser(w.user.id);
    expect(again).toMatchObject({ result: 'ok', summary: { added: 0 } });
    expect((await touchCount(w.database, w.user.id)).total).toBe(MAILS);
    await w.database.close();
  });

  it('two instances syncing at once sync each source once', async () => {
    const w = await world('two');
    await connectSource(w.database.db, w.user.id, imap('two', 'pw-two'), box, new Date());
    for (const n of [1, 2, 3]) await connectSource(w.database.db, w.user.id, { kind: 'ical', name: `cal ${n}`, secret: calendars.url(`/cal-${n}.ics`) }, box, new Date());
    const loginsBefore = dovecot.logins('two');
    const [a, b] = await Promise.all([
      run(['test/doubles/sync-process.ts'], { DATABASE_URL: w.url }),
      run(['test/doubles/sync-process.ts'], { DATABASE_URL: w.url }),
    ]);
    expect([a?.code, b?.code]).toEqual([0, 0]);
    const synced = [...a!.stdout.split('\n'), ...b!.stdout.split('\n')].filter(Boolean).map((line) => JSON.parse(line) as { sourceId: number; result: string });
    expect(synced.map((s) => s.sourceId).sort()).toEqual([1, 2, 3, 4]);
    expect(synced.every((s) => s.result === 'ok')).toBe(true);
    expect(dovecot.logins('two') - loginsBefore).toBe(1);
    for (const n of [1, 2, 3]) expect(calendars.requests(`/cal-${n}.ics`)).toBe(1);
    // 40 mails and one lunch per calendar — the same UID in all three would log once, these differ.
    expect(await touchCount(w.database, w.user.id)).toEqual({ total: 43, distinct: 43 });
    await w.database.close();
  });
});
