/**
 * keepwarm as an operator runs it (what `npm start` runs): Slack over HTTP
 * configured only by environment variables (pointed at the fake Web API), a
 * conversation through it, then SIGTERM and a clean exit.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../doubles/fake-slack.ts';
import { spawnStart } from '../doubles/keepwarm-process.ts';
import { SlackSender } from '../doubles/slack-requests.ts';
import { blocksText, visible } from './harness.ts';

const SECRET = 'process-signing-secret';
const dir = mkdtempSync(join(tmpdir(), 'keepwarm-slack-'));
let fake: FakeSlack;
/** Process groups still running when a test ends (a failed test must not leave keepwarm behind). */
const running = new Set<number>();

beforeAll(async () => {
  fake = await FakeSlack.start();
  fake.addTeam({ id: 'T1', token: 'xoxb-test' });
});
afterEach(() => {
  for (const group of running) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
});
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(env: Record<string, string>): Promise<Started> {
  // Its own process group, so cleanup reaches it and anything it started.
  const child = spawnStart({ env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  running.add(child.pid!);
  let stdout = '';
  let stderr = '';
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child.pid!);
      resolve({ code, signal });
    }),
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const running = /"port":(\d+)[^\n]*"msg":"slack: running"/.exec(stderr);
      if (running) resolve({ child, port: Number(running[1]), stdout: () => stdout, stderr: () => stderr, exit });
    });
    void exit.then(({ code }) => reject(new Error(`keepwarm exited (${code}) before Slack ran:\n${stderr}`)));
  });
}

describe('keepwarm started with Slack over HTTP', () => {
  it('serves signed requests with only environment variables, and stops cleanly on SIGTERM', async () => {
    const app = await start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_API_RETRIES: '0',
      PORT: '0',
      DATABASE_URL: join(dir, 'keepwarm.db'),
      LOG_LEVEL: 'info',
    });
    try {
      const sender = new SlackSender(`http://127.0.0.1:${app.port}`, SECRET, fake);
      const met = await sender.command('T1', 'U1', '/met', 'Anna Schmidt at Verbandstagung, tier A');
      expect(met.response.status).toBe(200);
      const answer = await fake.waitFor(() => fake.responses.find((r) => r.path === met.responseUrl), 'the answer to /met');
      expect(visible(blocksText(answer.body.blocks))).toContain('Met *Anna Schmidt* at Verbandstagung');

      await sender.message('T1', 'U1', 'had lunch with Anna yesterday');
      const lunch = await fake.waitFor(() => fake.callsTo('chat.postMessage')[0], 'the answer in the DM');
      expect(lunch.args.channel).toBe('DT1U1');
      expect(visible(blocksText(lunch.args.blocks))).toContain('Anna Schmidt');

      const forged = await sender.command('T1', 'U1', '/met', 'Mallory', { secret: 'wrong' });
      expect(forged.response.status).toBe(401);
    } finally {
      // As from a process manager. (That npm passes SIGTERM on is test/telegram/process.test.ts.)
      app.child.kill('SIGTERM');
    }
    const { code } = await app.exit;
    expect(code).toBe(0);
    // No console chat when a platform is configured, and no token in the log.
    expect(app.stdout()).toBe('');
    expect(app.stderr()).toContain('"msg":"keepwarm stopping"');
    expect(app.stderr()).not.toContain('xoxb-test');
  });

  it('stops at start with a message naming the variable when the configuration is incomplete', async () => {
    const child = spawnStart({ env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-test', DATABASE_URL: join(dir, 'bad.db') }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_SIGNING_SECRET');
  });
});
