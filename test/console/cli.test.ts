/** The console adapter and the `keepwarm` command, as real processes. */
import { execFile, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../doubles/database.ts';
import { BIN, ROOT, spawnKeepwarm, spawnStart } from '../doubles/keepwarm-process.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-cli-'));
const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'Europe/Berlin', LANG: 'en_US.UTF-8', LOG_LEVEL: 'silent' };
beforeAll(async () => {
  env.DATABASE_URL = await freshDatabaseUrl(dir, 'test');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Start = (options: SpawnOptions) => ChildProcess;
/** `keepwarm chat --user NAME`. */
const chat = (user: string): Start => (options) => spawnKeepwarm(['chat', '--user', user], options);
/** The README's command itself, npm and all. */
const npmStart: Start = (options) => spawn('npm', ['start', '--silent'], { cwd: ROOT, ...options });
/** `keepwarm ARGS` to completion; rejects on a non-zero exit. */
const keepwarm = (...args: string[]) => run(process.execPath, [BIN, ...args], { env });

/** Runs a command with `input` on stdin (not a terminal) and collects what it prints. */
function withInput(start: Start, input: string, extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = start({ env: { ...env, ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin!.end(input);
  });
}

describe('keepwarm chat (stdin not a terminal)', () => {
  it('reads messages line by line, prints each reply block and exits 0 at the end of input', async () => {
    const { code, stdout } = await withInput(chat('ada'), [
      '/met Anna Schmidt at Verbandstagung yesterday, tier A',
      '/note Anna promoted to CFO',
      '/add Bob Meyer, tier B, last talked 7 months ago',
      '/overdue',
      '/tier Anna X',
      '',
    ].join('\n'));
    expect(code).toBe(0);
    expect(stdout).toContain('✓ Met Anna Schmidt at Verbandstagung on');
    expect(stdout).toContain('Note on Anna Schmidt: promoted to CFO');
    expect(stdout).toContain('Tier B (1)');
    expect(stdout).toContain('use A, B, C or D');
    // One block per message, separated by blank lines.
    expect(stdout.trim().split('\n\n')).toHaveLength(5);
  });

  it('numbers buttons and takes a number as a press', async () => {
    const { stdout } = await withInput(chat('bea'), ['/met Tom at Hack Day', '1', ''].join('\n'));
    expect(stdout).toContain('[1] A  [2] B  [3] C  [4] D');
    expect(stdout).toContain('Tom is now tier A');
  });

  it('remembers everything across restarts, and export prints it as JSON', async () => {
    await withInput(chat('cid'), '/met Carla Rossi at Web Summit last Thursday #fintech\n');
    await withInput(chat('cid'), 'emailed Carla about the pilot\n');
    const { stdout } = await keepwarm('export', '--user', 'cid', '--format', 'json');
    const data = JSON.parse(stdout);
    expect(data.contacts).toHaveLength(1);
    expect(data.contacts[0]).toMatchObject({ name: 'Carla Rossi', place: 'Web Summit', tags: ['fintech'], tier: 'B', status: 'active' });
    expect(data.contacts[0].touches.map((t: { kind: string }) => t.kind)).toEqual(['met', 'email']);
    expect(data.contacts[0].touches[1].note).toContain('pilot');
    expect(data.settings).toMatchObject({ nudgeTime: '09:00', nudgeDays: [1, 2, 3, 4, 5], nudgeCount: 2 });
  });

  it('answers in German with LANG=de_DE.UTF-8', async () => {
    const { stdout } = await withInput(chat('dora'), '/met Lena Vogel gestern beim Gründerstammtisch, Kategorie B\n', { LANG: 'de_DE.UTF-8' });
    expect(stdout).toContain('Lena Vogel (Gründerstammtisch) am');
    expect(stdout).toContain('kennengelernt — Stufe B');
  });

  it('an unknown user for export is an error, not an empty file', async () => {
    await expect(keepwarm('export', '--user', 'nobody')).rejects.toMatchObject({ code: 1 });
  });
});

describe('npm start with no platform configured', () => {
  it('opens the console chat on the configured database, never an error about missing tokens', async () => {
    const { code, stdout, stderr } = await withInput(npmStart, '/help\n', { KEEPWARM_USER: 'eve' });
    expect(code).toBe(0);
    expect(stdout).toContain('What I understand');
    expect(stderr).not.toMatch(/token/i);
  });

  it('stops with a message naming a malformed variable', async () => {
    const { code, stderr } = await withInput(spawnStart, '', { LOG_LEVEL: 'loud' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('LOG_LEVEL');
  });
});
