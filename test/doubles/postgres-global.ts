/**
 * globalSetup of the `process` project: one throwaway PostgreSQL server for
 * the test files that need one even under plain `npm test` (the SQLite ->
 * PostgreSQL copies), instead of one server per file on fixed ports that
 * collide with another checkout's run on the same machine.
 *
 * Nothing starts here: this picks a free port, and the first test file that
 * asks for the server starts it (test/doubles/postgres-server.ts), so a run
 * without those files pays nothing. The teardown stops it if it was started.
 * Under `npm run test:pg` the files use TEST_DATABASE_URL's server instead.
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { freePort } from './net.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The port of the shared throwaway PostgreSQL server (0 when TEST_DATABASE_URL names one). */
    throwawayPostgresPort: number;
  }
}

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'pg-throwaway.sh');

/** The directory whose creation elects the test file that starts the server (mkdir is atomic). */
export function throwawayLock(port: number): string {
  return join(tmpdir(), `keepwarm-pg-${port}.lock`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = process.env.TEST_DATABASE_URL ? 0 : await freePort();
  project.provide('throwawayPostgresPort', port);
  return async () => {
    // Only a file that needed the server started it.
    if (port === 0 || !existsSync(throwawayLock(port))) return;
    await run(SCRIPT, ['stop', String(port)]);
    rmSync(throwawayLock(port), { recursive: true, force: true });
  };
}
