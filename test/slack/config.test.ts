/** Slack's configuration: which mode, and a clear stop when it is incomplete. */
import { describe, expect, it } from 'vitest';
import { slackConfig } from '../../adapters/slack/config.ts';
import { ConfigError } from '../../src/config.ts';

describe('slackConfig', () => {
  it('is undefined when no Slack variable is set', () => {
    expect(slackConfig({ PORT: '8080', TELEGRAM_BOT_TOKEN: 'x' })).toBeUndefined();
  });

  it('runs over HTTP with a bot token and a signing secret, on PORT (default 3000)', () => {
    expect(slackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toMatchObject({
      mode: 'http',
      auth: { kind: 'token', botToken: 'xoxb-1' },
      port: 3000,
      apiUrl: undefined,
      sendPerSecond: 4,
      apiRetries: 2,
    });
    expect(slackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '0', SLACK_API_URL: 'http://127.0.0.1:9/api/' })).toMatchObject({ port: 0, apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it('runs in Socket Mode with an app-level token', () => {
    expect(slackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toMatchObject({ mode: 'socket', appToken: 'xapp-1' });
  });

  it('distributes through OAuth with client id, client secret and state secret', () => {
    const env = { SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'st', SLACK_SIGNING_SECRET: 's' };
    expect(slackConfig(env)).toMatchObject({ mode: 'http', auth: { kind: 'oauth', clientId: 'id', clientSecret: 'cs', stateSecret: 'st' } });
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN'],
    [{ SLACK_CLIENT_ID: 'id', SLACK_SIGNING_SECRET: 's' }, 'SLACK_CLIENT_SECRET, SLACK_STATE_SECRET'],
    [{ SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 's', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' }, 'PORT'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'ftp://x' }, 'SLACK_API_URL'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_SEND_PER_SECOND: '0' }, 'SLACK_SEND_PER_SECOND'],
  ])('stops with a ConfigError naming the variable: %o', (env, variable) => {
    expect(() => slackConfig(env)).toThrow(ConfigError);
    expect(() => slackConfig(env)).toThrow(variable);
  });
});
