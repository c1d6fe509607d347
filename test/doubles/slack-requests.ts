/**
 * Slack's side of an HTTP-mode app: correctly signed requests, exactly as
 * Slack sends them — slash commands and button presses as
 * `application/x-www-form-urlencoded` (no charset: bolt compares the type
 * exactly), events as JSON — signed `v0=HMAC-SHA256(secret, "v0:{ts}:{raw body}")`.
 */
import { createHmac } from 'node:crypto';
import type { FakeSlack } from './fake-slack.ts';

export interface SendOptions {
  /** Extra headers (e.g. `x-slack-retry-num`). */
  headers?: Record<string, string>;
  /** Request timestamp in seconds (default now). */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  secret?: string;
}

let counter = 0;
const next = (prefix: string) => `${prefix}${++counter}`;

export class SlackSender {
  constructor(
    /** `http://127.0.0.1:PORT` of the app. */
    readonly appUrl: string,
    readonly signingSecret: string,
    readonly fake: FakeSlack,
  ) {}

  signature(raw: string, timestamp: number, secret = this.signingSecret): string {
    return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${raw}`).digest('hex');
  }

  async post(raw: string, contentType: string, options: SendOptions = {}): Promise<Response> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(`${this.appUrl}/slack/events`, {
      method: 'POST',
      body: raw,
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': this.signature(raw, timestamp, options.secret),
        ...options.headers,
      },
    });
  }

  /** A slash command; returns the response and the response_url the answer must reach. */
  async command(team: string, user: string, command: string, text: string, options: SendOptions & { channel?: string } = {}) {
    const responseUrl = this.fake.responseUrl();
    const raw = new URLSearchParams({
      token: 'verification-token',
      team_id: team,
      team_domain: team.toLowerCase(),
      channel_id: options.channel ?? 'C0GENERAL',
      channel_name: 'general',
      user_id: user,
      user_name: user.toLowerCase(),
      command,
      text,
      api_app_id: 'AKEEPWARM',
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: next('trigger-'),
    }).toString();
    const response = await this.post(raw, 'application/x-www-form-urlencoded', options);
    return { response, responseUrl: new URL(responseUrl).pathname };
  }

  /** A button press (block_actions) under a message, or on the Home tab (`container.type: 'view'`). */
  async press(
    team: string,
    user: string,
    value: string,
    container: { type: 'message'; channel: string; ts: string; ephemeral?: boolean; threadTs?: string } | { type: 'view' },
    options: SendOptions = {},
  ) {
    const responseUrl = this.fake.responseUrl();
    const payload = {
      type: 'block_actions',
      team: { id: team, domain: team.toLowerCase() },
      user: { id: user, username: user.toLowerCase(), team_id: team },
      api_app_id: 'AKEEPWARM',
      token: 'verification-token',
      trigger_id: next('trigger-'),
      response_url: responseUrl,
      container:
        container.type === 'view'
          ? { type: 'view', view_id: 'V1' }
          : {
              type: 'message',
              message_ts: container.ts,
              channel_id: container.channel,
              is_ephemeral: container.ephemeral ?? false,
              ...(container.threadTs ? { thread_ts: container.threadTs } : {}),
            },
      ...(container.type === 'message' ? { channel: { id: container.channel, name: 'directmessage' }, message: { ts: container.ts, text: '' } } : { view: { id: 'V1', type: 'home' } }),
      actions: [{ type: 'button', action_id: 'kw-1', block_id: 'b1', value, action_ts: '1700000001.000001', text: { type: 'plain_text', text: 'button' } }],
    };
    const raw = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const response = await this.post(raw, 'application/x-www-form-urlencoded', options);
    return { response, responseUrl: new URL(responseUrl).pathname };
  }

  /** An Events API delivery; `eventId` is what a retry repeats. */
  async event(team: string, event: Record<string, unknown>, options: SendOptions & { eventId?: string } = {}) {
    const eventId = options.eventId ?? next('Ev');
    const raw = JSON.stringify({
      token: 'verification-token',
      team_id: team,
      api_app_id: 'AKEEPWARM',
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: team, user_id: `UBOT${team}`, is_bot: true, is_enterprise_install: false }],
    });
    const response = await this.post(raw, 'application/json', options);
    return { response, eventId };
  }

  /** A message the user writes in the app's DM. */
  message(team: string, user: string, text: string, options: SendOptions & { eventId?: string; channel?: string; threadTs?: string; files?: { id: string }[] } = {}) {
    const ts = `1700000100.${String(++counter).padStart(6, '0')}`;
    return this.event(
      team,
      {
        type: 'message',
        channel_type: 'im',
        channel: options.channel ?? `D${team}${user}`,
        user,
        text,
        ts,
        event_ts: ts,
        ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
        ...(options.files ? { subtype: 'file_share', files: options.files } : {}),
      },
      options,
    );
  }

  homeOpened(team: string, user: string, options: SendOptions = {}) {
    return this.event(team, { type: 'app_home_opened', user, channel: `D${team}${user}`, tab: 'home', event_ts: '1700000200.000001' }, options);
  }
}
