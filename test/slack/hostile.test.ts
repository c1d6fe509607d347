/**
 * Requests that are correctly signed but not what Slack sends, or that come
 * from where keepwarm is not installed (issue 16): refused, and the app goes
 * on serving everyone else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { slackDb } from '../../adapters/slack/workspaces.ts';
import { blocksText, startSlackTest, visible, type SlackTest } from './harness.ts';

let t: SlackTest | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

/** The app still answers a /today of a user of the installed workspace. */
async function stillServes(test: SlackTest): Promise<void> {
  const { responseUrl } = await test.sender.command('T1', 'U1', '/today', '');
  const answer = await test.fake.waitFor(() => test.fake.responses.find((r) => r.path === responseUrl), 'the /today answer');
  expect(visible(blocksText(answer.body.blocks))).not.toBe('');
}

describe('a correctly signed body that is no Slack request', () => {
  it('JSON null, payload=null and other non-objects get 400, and the app goes on', async () => {
    t = await startSlackTest();
    for (const [body, type] of [
      ['null', 'application/json'],
      ['42', 'application/json'],
      ['"text"', 'application/json'],
      ['[]', 'application/json'],
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['payload=%5B1%5D', 'application/x-www-form-urlencoded'],
    ] as const) {
      const response = await t.sender.post(body, type);
      expect(response.status, body).toBe(400);
    }
    await stillServes(t);
  });
});

describe('one workspace with SLACK_BOT_TOKEN', () => {
  it('refuses commands, messages and button presses from a workspace it is not installed in, creating no user', async () => {
    t = await startSlackTest();
    const command = await t.sender.command('TFOREIGN', 'U1', '/today', '');
    expect(command.response.status).toBe(200);
    await t.sender.message('TFOREIGN', 'U2', '/add Mallory Doe');
    await t.sender.press('TFOREIGN', 'U3', 'pick:1:2', { type: 'message', channel: 'DTFOREIGNU3', ts: '1700000300.000001' });
    await stillServes(t);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.seen.map((incoming) => incoming.from.teamId)).toEqual(['T1']);
    const users = await t.database.db.selectFrom('users').select(['team_id']).execute();
    expect(users).toEqual([{ team_id: 'T1' }]);
    // Nothing was sent with the installed workspace's token to the other one.
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(t.fake.responses.filter((r) => r.path === command.responseUrl)).toHaveLength(0);
  });
});

describe('OAuth distribution', () => {
  it('an install link works once: a second code with the same state installs nothing', async () => {
    t = await startSlackTest({ oauth: true });
    const page = await fetch(`${t.sender.appUrl}/slack/install`);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const state = new URL(/<a href="([^"]+)"/.exec(await page.text())![1]!.replace(/&amp;/g, '&')).searchParams.get('state')!;
    t.fake.grant('code-T2', { id: 'T2', token: 'xoxb-t2' }, 'U9');
    t.fake.grant('code-T3', { id: 'T3', token: 'xoxb-t3' }, 'U9');
    const redirect = (code: string) => fetch(`${t!.sender.appUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect((await redirect('code-T2')).status).toBe(200);
    expect((await redirect('code-T3')).status).not.toBe(200);
    const teams = await slackDb(t.database.db).selectFrom('slack_installations').select('team_id').execute();
    expect(teams).toEqual([{ team_id: 'T2' }]);
    expect(t.fake.callsTo('oauth.v2.access')).toHaveLength(1);
  });
});
