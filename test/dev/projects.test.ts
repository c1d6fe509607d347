/**
 * The suite's split (docs/testing.md): every test file that starts a process —
 * through node:child_process, keepwarm's process doubles or a PostgreSQL
 * server — runs in the `process` project, and only those do. A process test in
 * `unit` would share a worker thread with files that expect no children,
 * signals or servers of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { processTests } from '../../vitest.config.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(ROOT, path)] : [];
  });
}

const STARTS_PROCESSES = /from '(?:node:child_process|[./]+doubles\/(?:keepwarm-process|postgres-server)\.ts)'/;

it('every test file that starts a process is in the process project, and no other', () => {
  const starting = testFiles(join(ROOT, 'test')).filter((file) => STARTS_PROCESSES.test(readFileSync(join(ROOT, file), 'utf8')));
  expect(starting.sort()).toEqual([...processTests].sort());
});
