/**
 * The suite's split (docs/testing.md): every test file that starts a process —
 * keepwarm, a script, poppler, a PostgreSQL server: anything through
 * node:child_process, itself or through a helper of test/ it imports — runs
 * in the `process` project, and only those do. A process test in `unit` would
 * share a worker thread with files that expect no children, signals or
 * servers of their own, under the short unit time bound.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { processTests } from '../../vitest.config.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TEST = join(ROOT, 'test');
// Spelled in two parts so this file does not count as one that imports it.
const CHILD_PROCESS = ['node', 'child_process'].join(':');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Whether `file`, or a module under test/ it imports (at any depth), imports node:child_process. */
function startsProcesses(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  if (source.includes(`from '${CHILD_PROCESS}'`) || source.includes(`import('${CHILD_PROCESS}')`)) return true;
  return [...source.matchAll(/from '(\.{1,2}\/[^']+\.ts)'/g)]
    .map((m) => resolve(dirname(file), m[1]!))
    .filter((path) => path.startsWith(TEST) && existsSync(path))
    .some((path) => startsProcesses(path, seen));
}

it('every test file that starts a process is in the process project, and no other', () => {
  const starting = testFiles(TEST).filter((file) => startsProcesses(file)).map((file) => relative(ROOT, file));
  expect(starting.sort()).toEqual([...processTests].sort());
});
