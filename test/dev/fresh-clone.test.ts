/**
 * The README's quick start on a fresh clone beside a node_modules copied from
 * elsewhere (`cp -a`: the clone's lockfile is then newer than every file in
 * node_modules) and no registry reachable: `npm start` uses node_modules as it
 * is — it neither reinstalls nor wipes it — and answers.
 *
 * The clone is of this repository's current commit, with the uncommitted
 * changes to tracked files on top (`git stash create`), so the test checks the
 * code in front of you.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../doubles/keepwarm-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepwarm-fresh-clone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** The working tree's tracked state as a commit object, or HEAD when there is nothing uncommitted (or no git identity to write one). */
function workingTreeCommit(): string {
  try {
    return git(ROOT, 'stash', 'create') || 'HEAD';
  } catch {
    return 'HEAD';
  }
}

it('a fresh clone with a copied node_modules and no registry: npm start answers /help and exits 0', async () => {
  const clone = join(dir, 'keepwarm');
  const commit = workingTreeCommit();
  // --shared borrows the objects, so the uncommitted state's commit is there too.
  git(dir, 'clone', '--quiet', '--shared', ROOT, clone);
  git(clone, 'checkout', '--quiet', '--detach', commit === 'HEAD' ? git(ROOT, 'rev-parse', 'HEAD') : commit);
  execFileSync('cp', ['-a', join(ROOT, 'node_modules'), join(clone, 'node_modules')]);

  const child = spawn('npm', ['start', '--silent'], {
    cwd: clone,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      npm_config_registry: 'http://127.0.0.1:9',
      npm_config_update_notifier: 'false',
      DATABASE_URL: join(dir, 'keepwarm.db'),
      KEEPWARM_USER: 'eve',
      TZ: 'Europe/Berlin',
      LANG: 'en_US.UTF-8',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end('/help\n');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

  expect(stderr).not.toContain('npm ci');
  expect(code).toBe(0);
  expect(stdout).toContain('What I understand');
  expect(existsSync(join(clone, 'node_modules', 'kysely', 'package.json'))).toBe(true);
}, 120_000);
