/**
 * globalSetup of both projects: PostgreSQL for the tests.
 *
 * - A name prefix for the databases tests create (test/doubles/database.ts,
 *   postgres-server.ts), so the end of the run can drop whatever a test left
 *   behind on TEST_DATABASE_URL's server without touching anyone else's.
 * - A free port for one throwaway server shared by the files that need
 *   PostgreSQL even under plain `npm test` (the SQLite -> PostgreSQL copies),
 *   instead of one server per file on fixed ports that collide with another
 *   checkout's run on the same machine. Nothing starts here: the first file
 *   that asks starts it (postgres-server.ts), so a run without those files
 *   pays nothing; the teardown stops it if it was started.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort } from './net.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The port of the run's throwaway PostgreSQL server (0 when TEST_DATABASE_URL names one). */
    throwawayPostgresPort: number;
    /** How the names of the databases this run creates begin. */
    testDatabasePrefix: string;
  }
}

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'pg-throwaway.sh');

/** The directory whose creation elects the test file that starts the server (mkdir is atomic). */
export function throwawayLock(port: number): string {
  return join(tmpdir(), `keepwarm-pg-${port}.lock`);
}

/** Drops the databases named with `prefix` on TEST_DATABASE_URL's server. */
async function dropDatabases(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.TEST_DATABASE_URL;
  const prefix = `kw_${randomBytes(3).toString('hex')}_`;
  const port = given ? 0 : await freePort();
  project.provide('testDatabasePrefix', prefix);
  project.provide('throwawayPostgresPort', port);
  return async () => {
    if (given) return dropDatabases(given, prefix);
    // Only a file that needed the server started it.
    if (!existsSync(throwawayLock(port))) return;
    await run(SCRIPT, ['stop', String(port)]);
    rmSync(throwawayLock(port), { recursive: true, force: true });
  };
}
