/**
 * `npm start` as a real process, configured by environment variables only,
 * talking to the fake Bot API: a conversation, then SIGTERM and a clean exit.
 * The other process tests run src/main.ts without npm; this one keeps npm, as
 * the test that a container runtime's SIGTERM to npm reaches keepwarm.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram, tgUser } from '../doubles/fake-telegram.ts';
import { tempDir, until } from './harness.ts';

const dir = tempDir();
let fake: FakeTelegram;
beforeAll(async () => {
  fake = await FakeTelegram.start();
});
afterAll(async () => {
  await fake.close();
  dir.remove();
});

describe('npm start with TELEGRAM_BOT_TOKEN', () => {
  it('runs keepwarm on Telegram instead of the console, answers, and exits 0 on SIGTERM after confirming the offset', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_URL: `${dir.path}/keepwarm.db`,
        TZ: 'Europe/Berlin',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group, so a failing test can take down npm, tsx and node together.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until(() => fake.calls.some((c) => c.method === 'deleteWebhook'), 'keepwarm to start polling', 30_000);
      const ada = tgUser(1001, 'Ada', { language_code: 'en' });
      fake.push(fake.text(ada, '/met Anna Schmidt at Verbandstagung, tier A'));
      expect((await fake.waitFor('sendMessage', 1, 15_000)).text).toContain('Met <b>Anna Schmidt</b> at Verbandstagung');
      const last = fake.push(fake.text(ada, 'called Anna yesterday'));
      expect((await fake.waitFor('sendMessage', 2, 15_000)).text).toContain('Logged a call with <b>Anna Schmidt</b>');
      // Not the console chat: typed lines are not read.
      child.stdin.write('/help\n');

      // As a container runtime does: SIGTERM to npm alone, which passes it on.
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).not.toContain('What I understand');
      expect(stderr).toContain('polling for updates');
      const confirm = fake.calls.filter((c) => c.method === 'getUpdates').at(-1)!;
      expect(confirm.payload).toMatchObject({ offset: last.update_id + 1, limit: 1, timeout: 0 });
      expect(fake.pending).toHaveLength(0);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone: the clean exit.
      }
    }
  }, 60_000);
});
