/**
 * SIGTERM to keepwarm's whole process group (as a container runtime or a
 * terminal's Ctrl-C sends it) always drains to exit 0 — in Slack's OAuth mode
 * too, and when the signal comes twice (issue 16: it sometimes exited 143,
 * killed by the second signal half-way through the drain).
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../doubles/fake-slack.ts';
import { startKeepwarm, stopAll, type KeepwarmProcess } from '../doubles/keepwarm-process.ts';
import { tempDir, until } from '../telegram/harness.ts';

const dir = tempDir();
let fake: FakeSlack;
beforeAll(async () => {
  fake = await FakeSlack.start();
});
afterEach(stopAll);
afterAll(async () => {
  await fake.stop();
  dir.remove();
});

async function oauthApp(name: string): Promise<KeepwarmProcess> {
  const app = startKeepwarm({
    SLACK_CLIENT_ID: fake.clientId,
    SLACK_CLIENT_SECRET: fake.clientSecret,
    SLACK_STATE_SECRET: 'shutdown-state-secret',
    SLACK_SIGNING_SECRET: 'shutdown-signing-secret',
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    DATABASE_URL: join(dir.path, `${name}.db`),
  });
  await until(() => app.logs().some((line) => line.msg === 'slack: running'), 'Slack to run', 40_000);
  return app;
}

describe('SIGTERM to the process group in Slack OAuth mode', () => {
  it('drains and exits 0', async () => {
    const app = await oauthApp('once');
    process.kill(-app.child.pid!, 'SIGTERM');
    expect(await app.exit).toEqual({ code: 0, signal: null });
    expect(app.logs().some((line) => line.msg === 'keepwarm stopping')).toBe(true);
  }, 60_000);

  it('drains and exits 0 when the signal comes twice', async () => {
    const app = await oauthApp('twice');
    process.kill(-app.child.pid!, 'SIGTERM');
    await until(() => app.logs().some((line) => line.msg === 'keepwarm stopping'), 'the drain to begin', 20_000);
    process.kill(-app.child.pid!, 'SIGTERM');
    expect(await app.exit).toEqual({ code: 0, signal: null });
  }, 60_000);
});
