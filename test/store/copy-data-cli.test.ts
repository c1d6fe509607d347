/**
 * `keepwarm migrate-data` as a real process: the summary on stdout, progress
 * on stderr, exit 0 only when every table verified.
 *
 * Needs PostgreSQL even under plain `npm test`: TEST_DATABASE_URL's server
 * (`npm run test:pg`), else the run's throwaway server
 * (scripts/pg-throwaway.sh, started once for every file that needs it).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openSqlite } from '../../src/store/db.ts';
import { migrateToLatest, migrator } from '../../src/store/migrate.ts';
import { NO_POSTGRES_REASON, postgresAvailable, startTestPostgres, type TestPostgres } from '../doubles/postgres-server.ts';
import { buildKeepwarmFile } from './copy-data-source.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'keepwarm.mjs');
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-migrate-data-cli-'));
const source = join(dir, 'keepwarm.db');
let server: TestPostgres;

beforeAll(async () => {
  if (!postgresAvailable) return;
  server = await startTestPostgres();
  await buildKeepwarmFile(source);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The bin script itself, as `npx keepwarm` runs it; never throws, returns the exit code. */
async function keepwarm(env: Record<string, string>, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, maxBuffer: 10 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The summary's table rows: table -> [rows source, rows target, new, checksum]. */
function summary(stdout: string): Map<string, string[]> {
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toMatch(/^table\s+rows source\s+rows target\s+new\s+checksum$/);
  return new Map(
    lines
      .slice(1, -1)
      .map((line) => line.trim().split(/\s+/))
      .map(([table, ...cells]) => [table!, cells]),
  );
}

// Skipped only without PostgreSQL binaries — NO_POSTGRES_REASON says what to install.
if (!postgresAvailable) console.warn(`skipping ${import.meta.filename}: ${NO_POSTGRES_REASON}`);
describe.skipIf(!postgresAvailable)('keepwarm migrate-data', () => {
  it('copies DATABASE_URL into PostgreSQL: the table on stdout, progress on stderr, exit 0; a second run adds nothing', async () => {
    const to = await server.freshSchemaUrl();
    const first = await keepwarm({ DATABASE_URL: source }, 'migrate-data', '--to', to);
    expect(first.stderr).toContain('copied touches');
    expect(first.stderr).toContain('committed: every table verified');
    expect(first.code).toBe(0);
    const tables = summary(first.stdout);
    expect(tables.get('users')).toEqual(['5', '5', '5', 'equal']);
    expect(tables.get('touches')?.[3]).toBe('equal');
    expect([...tables.values()].every((cells) => cells[0] === cells[1] && cells[0] === cells[2] && cells[3] === 'equal')).toBe(true);
    expect(first.stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`^verified: ${tables.size} tables, \\d+ rows, every row count and checksum equal`));
    expect(first.stdout).not.toContain('copied ');

    // An operator who already points DATABASE_URL at PostgreSQL names the file with --from.
    const second = await keepwarm({ DATABASE_URL: to }, 'migrate-data', '--from', source, '--to', to);
    expect(second.code).toBe(0);
    expect([...summary(second.stdout).values()].map((cells) => cells[2])).toEqual([...tables.values()].map(() => '0'));
    expect(second.stdout).toContain('(0 rows new in this run)');
  });

  it('exit 1 naming the table when the target holds other data under the same ids', async () => {
    const to = await server.freshSchemaUrl();
    const target = await openDatabase(to);
    await migrateToLatest(target.db);
    await target.db.insertInto('users').values({ id: 1, platform: 'console', platform_user_id: 'somebody-else', created_on: '2025-01-01', created_at: '2025-01-01T00:00:00.000Z' }).execute();
    await target.close();
    const outcome = await keepwarm({ DATABASE_URL: source }, 'migrate-data', '--to', to);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/the target holds other data than the source in users; nothing was written/);
    expect(summary(outcome.stdout).get('users')?.[3]).toBe('DIFFERENT');
    expect(outcome.stdout).toContain('NOT verified: users differ');
  });

  it('refuses what it cannot copy, saying what to do, with a non-zero exit', async () => {
    const to = await server.freshSchemaUrl();
    const noTarget = await keepwarm({ DATABASE_URL: source }, 'migrate-data');
    expect(noTarget).toMatchObject({ code: 2, stderr: expect.stringContaining('migrate-data needs --to postgres://') });

    const sqliteTarget = await keepwarm({ DATABASE_URL: source }, 'migrate-data', '--to', join(dir, 'other.db'));
    expect(sqliteTarget).toMatchObject({ code: 1, stderr: expect.stringContaining('the target must be a PostgreSQL URL') });

    const postgresSource = await keepwarm({ DATABASE_URL: to }, 'migrate-data', '--to', to);
    expect(postgresSource).toMatchObject({ code: 1, stderr: expect.stringContaining('the source must be an SQLite database') });

    const older = join(dir, 'older.db');
    const database = openSqlite(older);
    await (await migrator(database.db)).migrateTo('2026-11-25-0001-core');
    await database.close();
    const behind = await keepwarm({ DATABASE_URL: older }, 'migrate-data', '--to', to);
    expect(behind.code).toBe(1);
    expect(behind.stderr).toContain(`the SQLite database ${older} is older than this keepwarm`);
    expect(behind.stderr).toContain(`DATABASE_URL=${older} keepwarm migrate`);
    expect(behind.stdout).toBe('');
  });

  it('a target it cannot reach is a message without the password', async () => {
    const outcome = await keepwarm({ DATABASE_URL: source }, 'migrate-data', '--to', 'postgres://keepwarm:s3cret-pw@127.0.0.1:1/keepwarm');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('cannot bring the target postgres://keepwarm:***@127.0.0.1:1/keepwarm up to date');
    expect(outcome.stderr).not.toContain('s3cret-pw');
  });
});
