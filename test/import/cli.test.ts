/** `keepwarm import`, `keepwarm export` and `keepwarm backup` as real processes. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-cli-import-'));
const env = { ...process.env, DATABASE_URL: join(dir, 'test.db'), TZ: 'Europe/Berlin', LANG: 'en_US.UTF-8', LOG_LEVEL: 'silent' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'keepwarm.mjs');

/** The `keepwarm` command (the bin script itself: what `npx keepwarm` runs, without npx's start-up). */
function keepwarm(...args: string[]) {
  return run(process.execPath, [BIN, ...args], { env, maxBuffer: 10 * 1024 * 1024 });
}

describe('keepwarm import', () => {
  it('prints the preview and imports nothing without --yes (stdin is no terminal)', async () => {
    const { stdout } = await keepwarm('import', join(FIXTURES, 'linkedin-Connections.csv'), '--user', 'ida');
    expect(stdout).toContain('LinkedIn export linkedin-Connections.csv: 5 contacts read.');
    expect(stdout).toContain('Nothing was imported. Run again with --yes');
    const { stdout: json } = await keepwarm('export', '--user', 'ida');
    expect(JSON.parse(json).contacts).toEqual([]);
  });

  it('imports with --yes, as one undo step, and a second run adds nothing', async () => {
    const { stdout } = await keepwarm('import', join(FIXTURES, 'linkedin-Connections.csv'), '--user', 'jon', '--yes');
    expect(stdout).toContain('✓ Imported: 5 new contacts.');
    const again = await keepwarm('import', join(FIXTURES, 'linkedin-Connections.csv'), '--user', 'jon', '--yes');
    expect(again.stdout).toContain('5 known contacts unchanged');
    expect(again.stdout).toContain('Nothing to import');
    const db = new SQLite(env.DATABASE_URL, { readonly: true });
    const labels = db.prepare(`select label from undo_log join users on users.id = undo_log.user_id where platform_user_id = 'jon'`).all();
    db.close();
    expect(labels).toEqual([{ label: '{"key":"import"}' }]);
  });

  it('a bad file is a message on stderr and a non-zero exit', async () => {
    const bad = join(dir, 'garbage.vcf');
    writeFileSync(bad, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9, 8]));
    await expect(keepwarm('import', bad, '--user', 'kim')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('garbage.vcf is not a text file I can read') });
    await expect(keepwarm('import', join(FIXTURES, 'broken-quoting.csv'), '--user', 'kim', '--yes')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('breaks at line 3') });
    await expect(keepwarm('import', join(dir, 'missing.csv'), '--user', 'kim')).rejects.toMatchObject({ code: 1 });
  });
});

describe('keepwarm export', () => {
  it('writes csv, vcf and ics, filtered by --tier', async () => {
    await keepwarm('import', join(FIXTURES, 'generic-en.csv'), '--user', 'lou', '--yes');
    const csv = await keepwarm('export', '--user', 'lou', '--format', 'csv', '--tier', 'A', '--tier', 'B');
    expect(csv.stdout.split('\r\n').slice(1, -1).map((row) => row.split(',')[0])).toEqual(['Hana Novak', 'Theo Lambert', 'Ines Carvalho']);
    const vcf = await keepwarm('export', '--user', 'lou', '--format', 'vcf', '--tier', 'A');
    expect(vcf.stdout).toContain('FN:Hana Novak');
    expect(vcf.stdout.match(/BEGIN:VCARD/g)).toHaveLength(1);
    const ics = await keepwarm('export', '--user', 'lou', '--format', 'ics');
    expect(ics.stdout).toContain('BEGIN:VCALENDAR');
    expect(ics.stdout).toContain('SUMMARY:Keep warm: Hana Novak (A)');
  });

  it('refuses an unknown format or tier', async () => {
    await expect(keepwarm('export', '--user', 'lou', '--format', 'xls')).rejects.toMatchObject({ code: 2 });
    await expect(keepwarm('export', '--user', 'lou', '--format', 'csv', '--tier', 'Z')).rejects.toMatchObject({ code: 2 });
  });
});

describe('keepwarm backup', () => {
  it('copies the live database to a file that opens and holds the data', async () => {
    await keepwarm('import', join(FIXTURES, 'vcard-4.0.vcf'), '--user', 'max', '--yes');
    const target = join(dir, 'backup.db');
    const { stdout } = await keepwarm('backup', target);
    expect(stdout).toContain(`backup written to ${target}`);
    const copy = new SQLite(target, { readonly: true });
    const names = copy.prepare(`select name from contacts order by id`).all() as { name: string }[];
    copy.close();
    expect(names.map((n) => n.name)).toContain('Priyanka Raghunathan');
    await expect(keepwarm('backup', target)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('exists') });
    expect(existsSync(target)).toBe(true);
  });

  it('on PostgreSQL points to pg_dump', async () => {
    const { backupCommand } = await import('../../src/cli-data.ts');
    const lines: string[] = [];
    const code = await backupCommand({ kind: 'postgres' } as never, join(dir, 'pg.db'), false, { out: (t) => lines.push(t), err: (t) => lines.push(t) });
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('pg_dump');
  });
});
