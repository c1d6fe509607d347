/**
 * Files keepwarm writes are its user's alone, whatever the umask: the SQLite
 * database with its -wal and -shm (in OAuth mode it holds the bot tokens), the
 * data directory, exported files and backups are 0600, directories 0700.
 * Real processes under `umask 022` (the usual default) and `umask 000`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'keepwarm.mjs');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8).padStart(3, '0');

/** `keepwarm ARGS` under `umask` in `cwd`; `lines` go to stdin one by one, `whileRunning` is called once all were answered. */
function keepwarm(cwd: string, umask: string, args: string[], lines: string[] = [], whileRunning?: () => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'Europe/Berlin', LANG: 'en_US.UTF-8', LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let answered = 0;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      // Each answer ends with a blank line; the next line goes in once the last is answered.
      const blocks = stdout.split('\n\n').length - 1;
      while (answered < blocks && answered < lines.length) {
        answered++;
        if (answered < lines.length) child.stdin.write(`${lines[answered]}\n`);
        else {
          whileRunning?.();
          child.stdin.end();
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (lines.length > 0) child.stdin.write(`${lines[0]}\n`);
    else child.stdin.end();
  });
}

describe.each(['022', '000'])('files written under umask %s', (umask) => {
  it('the data directory is 0700 and the database with its -wal and -shm 0600, exports 0600 in a 0700 directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'keepwarm-modes-'));
    dirs.push(cwd);
    const seen: Record<string, string> = {};
    const { code, stderr } = await keepwarm(cwd, umask, ['chat', '--user', 'ada'], ['/add Anna Schmidt, tier A', '/export csv'], () => {
      // While the chat runs, with the database open in WAL mode.
      for (const name of ['data', 'data/keepwarm.db', 'data/keepwarm.db-wal', 'data/keepwarm.db-shm', 'data/exports']) {
        const path = join(cwd, name);
        seen[name] = existsSync(path) ? mode(path) : 'missing';
      }
      for (const name of readdirSync(join(cwd, 'data', 'exports'))) seen[`data/exports/${name}`] = mode(join(cwd, 'data', 'exports', name));
    });
    expect(code, stderr).toBe(0);
    const exported = Object.keys(seen).filter((name) => name.startsWith('data/exports/'));
    expect(exported).toHaveLength(1);
    expect(seen).toEqual({
      data: '700',
      'data/keepwarm.db': '600',
      'data/keepwarm.db-wal': '600',
      'data/keepwarm.db-shm': '600',
      'data/exports': '700',
      [exported[0]!]: '600',
    });
  }, 60_000);

  it('a backup is 0600, also when --force overwrites a file that was readable by others', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'keepwarm-modes-'));
    dirs.push(cwd);
    expect((await keepwarm(cwd, umask, ['migrate'])).code).toBe(0);
    const first = await keepwarm(cwd, umask, ['backup', 'keepwarm-backup.db']);
    expect(first.code, first.stderr).toBe(0);
    expect(mode(join(cwd, 'keepwarm-backup.db'))).toBe('600');

    await new Promise<void>((resolve, reject) => {
      const touch = spawn('sh', ['-c', 'umask 000 && : > wide.db && chmod 666 wide.db'], { cwd });
      touch.on('close', () => resolve());
      touch.on('error', reject);
    });
    expect(mode(join(cwd, 'wide.db'))).toBe('666');
    const forced = await keepwarm(cwd, umask, ['backup', 'wide.db', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(mode(join(cwd, 'wide.db'))).toBe('600');
  }, 60_000);
});
