/**
 * Distribution: the OAuth install flow stores each workspace in keepwarm's
 * database; each workspace is answered with its own token, and the same Slack
 * user id in two workspaces is two keepwarm users who never see each other's data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackDb } from '../../adapters/slack/workspaces.ts';
import type { FakeTeam } from '../doubles/fake-slack.ts';
import { blocksText, startSlackTest, visible, type SlackTest } from './harness.ts';

let t: SlackTest;
beforeEach(async () => {
  t = await startSlackTest({ oauth: true });
});
afterEach(async () => {
  await t.stop();
});

/** The browser's part of "Add to Slack": the install page, Slack's consent, the redirect back. */
async function install(team: FakeTeam, installer: string): Promise<Response> {
  const page = await fetch(`${t.sender.appUrl}/slack/install`);
  expect(page.status).toBe(200);
  const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  const authorize = new URL(/<a href="([^"]+)"/.exec(await page.text())![1]!.replace(/&amp;/g, '&'));
  const state = authorize.searchParams.get('state')!;
  expect(authorize.searchParams.get('scope')).toBe('commands,chat:write,im:history,im:write,users:read,files:read,files:write');
  const code = `code-${team.id}`;
  t.fake.grant(code, team, installer);
  return fetch(`${t.sender.appUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
}

async function answer(team: string, user: string, command: string, text: string): Promise<string> {
  const { responseUrl } = await t.sender.command(team, user, command, text);
  const response = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === responseUrl), `the answer to ${command} ${text}`);
  return visible(blocksText(response.body.blocks));
}

describe('OAuth distribution', () => {
  it('installs a workspace through /slack/install and /slack/oauth_redirect, with its token in the database', async () => {
    const done = await install({ id: 'T2', token: 'xoxb-t2' }, 'U9');
    expect(done.status).toBe(200);
    const exchange = t.fake.callsTo('oauth.v2.access')[0]!;
    expect(exchange.args).toMatchObject({ client_id: t.fake.clientId, client_secret: t.fake.clientSecret, code: 'code-T2' });
    const rows = await slackDb(t.database.db).selectFrom('slack_installations').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ team_id: 'T2', enterprise_id: '', inactive: 0 });
    expect(JSON.parse(rows[0]!.installation!)).toMatchObject({ team: { id: 'T2' }, bot: { token: 'xoxb-t2', userId: 'UBOTT2' } });
    // Tokens are secrets: never in the log.
    expect(JSON.stringify(t.logs)).not.toContain('xoxb-');
  });

  it('refuses a redirect whose state does not belong to the browser (CSRF)', async () => {
    t.fake.grant('code-T3', { id: 'T3', token: 'xoxb-t3' }, 'U9');
    const forged = await fetch(`${t.sender.appUrl}/slack/oauth_redirect?code=code-T3&state=forged`);
    expect(forged.status).not.toBe(200);
    expect(t.fake.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await slackDb(t.database.db).selectFrom('slack_installations').selectAll().execute()).toHaveLength(0);
  });

  it('a second workspace is isolated: the same user id there is another keepwarm user, answered with its own token', async () => {
    expect((await install({ id: 'T1', token: 'xoxb-t1' }, 'U1')).status).toBe(200);
    expect((await install({ id: 'T2', token: 'xoxb-t2' }, 'U1')).status).toBe(200);

    expect(await answer('T1', 'U1', '/met', 'Anna Schmidt at Verbandstagung, tier A')).toContain('Met *Anna Schmidt*');
    expect(await answer('T2', 'U1', '/keepwarm', 'show Anna')).toContain("I don't know *Anna* yet");
    expect(await answer('T2', 'U1', '/overdue', '')).not.toContain('Anna');
    expect(await answer('T1', 'U1', '/keepwarm', 'show Anna')).toContain('Anna Schmidt');

    const users = await t.database.db.selectFrom('users').select(['team_id', 'platform_user_id', 'chat_id']).orderBy('team_id').execute();
    expect(users).toEqual([
      { team_id: 'T1', platform_user_id: 'U1', chat_id: 'DT1U1' },
      { team_id: 'T2', platform_user_id: 'U1', chat_id: 'DT2U1' },
    ]);
    // Each workspace's calls carry its own token.
    expect(t.fake.callsTo('users.info').map((c) => c.token).sort()).toEqual(['xoxb-t1', 'xoxb-t2']);
    expect(t.fake.callsTo('conversations.open', 'xoxb-t2').map((c) => c.args.users)).toEqual(['U1']);

    // The nudge of a T2 user goes out with T2's token, into T2.
    await t.slack.messenger.send({ platform: 'slack', teamId: 'T2', userId: 'U1', chatId: 'DT2U1' }, { text: [[{ text: 'Call Bob?' }]] });
    expect(t.fake.callsTo('chat.postMessage').at(-1)).toMatchObject({ token: 'xoxb-t2', args: { channel: 'DT2U1' } });
  });

  it('an uninstalled workspace is inactive for nudges until it installs again', async () => {
    await install({ id: 'T2', token: 'xoxb-t2' }, 'U1');
    await t.sender.event('T2', { type: 'app_uninstalled' });
    const to = { platform: 'slack' as const, teamId: 'T2', userId: 'U1', chatId: 'DT2U1' };
    await t.fake.waitFor(async () => {
      const outcome = await t.slack.messenger.send(to, { text: [[{ text: 'Hi' }]] }).catch((e: { failure?: string }) => e.failure);
      return outcome === 'blocked';
    }, 'sends to T2 blocked');
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(0);

    await install({ id: 'T2', token: 'xoxb-t2-new' }, 'U1');
    await t.slack.messenger.send(to, { text: [[{ text: 'Hi' }]] });
    expect(t.fake.callsTo('chat.postMessage')).toMatchObject([{ token: 'xoxb-t2-new' }]);
  });

  it('a request from a workspace that never installed keepwarm is not served, and the app keeps running', async () => {
    await t.sender.message('T8', 'U1', '/stats');
    await install({ id: 'T2', token: 'xoxb-t2' }, 'U1');
    expect(await answer('T2', 'U1', '/today', '')).toContain('Nobody is due today');
    expect(t.seen.every((incoming) => incoming.from.teamId === 'T2')).toBe(true);
  });
});
