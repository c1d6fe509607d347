/**
 * scripts/ensure-deps.mjs, which `npm start` and `npm test` run first: it
 * installs only when node_modules lacks what package-lock.json locks, judged
 * by content and never by file times, and a failed install leaves the
 * node_modules that was there, saying what failed.
 *
 * Each test runs the script in a small project of its own, with a stand-in
 * `npm` on PATH that records whether it was called.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../doubles/keepwarm-process.ts';

const base = mkdtempSync(join(tmpdir(), 'keepwarm-ensure-deps-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const LOCK = {
  name: 'demo',
  lockfileVersion: 3,
  packages: {
    '': { name: 'demo', dependencies: { alpha: '^1.0.0' }, devDependencies: { beta: '^2.0.0' } },
    'node_modules/alpha': { version: '1.2.3' },
    'node_modules/alpha/node_modules/gamma': { version: '0.1.0' },
    'node_modules/beta': { version: '2.0.0', dev: true },
    // Another platform's binary: npm installs it only there.
    'node_modules/@esbuild/darwin-arm64': { version: '0.25.0', optional: true },
  },
};

function installPackage(project: string, path: string, version: string): void {
  mkdirSync(join(project, path), { recursive: true });
  writeFileSync(join(project, path, 'package.json'), JSON.stringify({ name: path.replace(/^.*node_modules\//, ''), version }));
}

/**
 * A project with the script, the lockfile and a node_modules holding what it
 * locks; `npm` on PATH is a stand-in that logs its arguments, then runs `npmDoes`.
 */
function project(name: string, npmDoes = 'exit 0'): { dir: string; run: (env?: Record<string, string>) => { code: number | null; stderr: string; npmCalls: string[] } } {
  const dir = join(base, name);
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  copyFileSync(join(ROOT, 'scripts', 'ensure-deps.mjs'), join(dir, 'scripts', 'ensure-deps.mjs'));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(LOCK, null, 2));
  for (const [path, entry] of Object.entries(LOCK.packages)) {
    if ('version' in entry && !('optional' in entry)) installPackage(dir, path, entry.version);
  }
  const bin = join(dir, 'fake-bin');
  mkdirSync(bin);
  const log = join(dir, 'npm-calls.log');
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$*" >> "${log}"\n${npmDoes}\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  const run = (env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [join(dir, 'scripts', 'ensure-deps.mjs')], {
      cwd: dir,
      env: { PATH: `${bin}:${process.env.PATH}`, HOME: dir, ...env },
      encoding: 'utf8',
    });
    const npmCalls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    return { code: result.status, stderr: result.stderr, npmCalls };
  };
  return { dir, run };
}

describe('ensure-deps', () => {
  it('uses a complete node_modules as it is, even when the lockfile is newer than every file in it', () => {
    const { dir, run } = project('complete');
    // As after `cp -a node_modules` into a fresh clone: the lockfile is the newest file.
    const old = new Date('2020-01-01T00:00:00Z');
    for (const path of ['node_modules', 'node_modules/alpha', 'node_modules/alpha/package.json']) utimesSync(join(dir, path), old, old);
    const outcome = run();
    expect(outcome).toMatchObject({ code: 0, stderr: '', npmCalls: [] });
  });

  it('installs with npm ci when a locked package is missing, naming it', () => {
    const { dir, run } = project('missing', 'mkdir -p node_modules/beta && exit 0');
    rmSync(join(dir, 'node_modules', 'beta'), { recursive: true });
    const outcome = run();
    expect(outcome.code).toBe(0);
    expect(outcome.npmCalls).toEqual(['ci --no-audit --no-fund']);
    expect(outcome.stderr).toContain('node_modules does not match package-lock.json: beta (not installed)');
  });

  it('installs when an installed version differs from the locked one, naming both', () => {
    const { dir, run } = project('other-version');
    installPackage(dir, 'node_modules/alpha/node_modules/gamma', '0.2.0');
    const outcome = run();
    expect(outcome.npmCalls).toEqual(['ci --no-audit --no-fund']);
    expect(outcome.stderr).toContain('gamma (0.2.0 installed, 0.1.0 locked)');
  });

  it('leaves the dev tools out of the judgement when npm omits them (NODE_ENV=production)', () => {
    const { dir, run } = project('production');
    rmSync(join(dir, 'node_modules', 'beta'), { recursive: true });
    expect(run({ NODE_ENV: 'production' })).toMatchObject({ code: 0, npmCalls: [] });
  });

  it('when npm ci fails, puts the previous node_modules back and says what failed, with a non-zero exit', () => {
    // npm ci deletes node_modules, writes part of a new one, then fails (no registry).
    const { dir, run } = project('install-fails', 'rm -rf node_modules; mkdir -p node_modules/half-written; echo "npm error network" >&2; exit 1');
    installPackage(dir, 'node_modules/alpha', '1.0.0');
    const outcome = run();
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('npm error network');
    expect(outcome.stderr).toContain('keepwarm: npm ci failed (exit 1)');
    expect(outcome.stderr).toContain('node_modules is back as it was (still not as locked: alpha (1.0.0 installed, 1.2.3 locked))');
    expect(JSON.parse(readFileSync(join(dir, 'node_modules', 'alpha', 'package.json'), 'utf8')).version).toBe('1.0.0');
    expect(existsSync(join(dir, 'node_modules', 'beta', 'package.json'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules', 'half-written'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules.keepwarm-previous'))).toBe(false);
  });

  it('without any node_modules and a failing install, says there is none and exits non-zero', () => {
    const { dir, run } = project('no-modules', 'exit 1');
    rmSync(join(dir, 'node_modules'), { recursive: true });
    const outcome = run();
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('node_modules (not there)');
    expect(outcome.stderr).toContain('there is no node_modules; run `npm ci` once the registry is reachable');
  });
});
