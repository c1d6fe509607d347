/**
 * Sources in the console chat, as a real `keepwarm chat` process reading
 * stdin: a calendar connected by its secret URL on a local HTTP server,
 * listed, and — without the operator's key — refused with the reason.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCalendarServer, type CalendarServer } from '../doubles/calendar-server.ts';
import { freshDatabaseUrl } from '../doubles/database.ts';
import { calendarFixture } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepwarm-sources-cli-'));
const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'Europe/Berlin', LANG: 'en_US.UTF-8', LOG_LEVEL: 'silent', KEEPWARM_SOURCES_PRIVATE_HOSTS: 'allow' };
let server: CalendarServer;
beforeAll(async () => {
  env.DATABASE_URL = await freshDatabaseUrl(dir, 'sources');
  server = await startCalendarServer();
  server.serve('/apple/published/home.ics', calendarFixture('apple-icloud'));
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function chat(user: string, input: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn('npx', ['keepwarm', 'chat', '--user', user], { env: { ...env, ...extraEnv }, stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
    child.stdin.end(`${input.join('\n')}\n`);
  });
}

describe('keepwarm chat with sources', () => {
  it('connects a calendar by its secret URL, checks it once and lists it', async () => {
    const { code, stdout } = await chat('ada', [`/calendar ${server.url('/apple/published/home.ics')}`, '/sources'], { KEEPWARM_SECRET_KEY: randomBytes(32).toString('base64') });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Connected your calendar 127\.0\.0\.1: \d+ events? read/);
    expect(stdout).toMatch(/1\. 📅 127\.0\.0\.1 — last read today/);
    expect(stdout).not.toContain('/apple/published');
  });

  it('without KEEPWARM_SECRET_KEY says the operator must set one', async () => {
    const { stdout } = await chat('bea', [`/calendar ${server.url('/apple/published/home.ics')}`, '/sources']);
    expect(stdout).toContain('KEEPWARM_SECRET_KEY');
    expect(stdout).toContain('No calendar or mailbox is connected');
  });
});
