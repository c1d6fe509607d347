/**
 * Socket Mode (SLACK_APP_TOKEN, no public URL): the same listeners behind a
 * WebSocket. The fake names its WebSocket in apps.connections.open and pushes
 * envelopes; a redelivered envelope changes nothing twice.
 */
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversation } from '../../src/bot/conversation.ts';
import type { Database } from '../../src/store/db.ts';
import { startSlack, type RunningSlack } from '../../adapters/slack/start.ts';
import { memoryDatabase } from '../doubles/chat.ts';
import { FakeSlack } from '../doubles/fake-slack.ts';
import type { FakeSocketMode } from '../doubles/fake-socket-mode.ts';
import { blocksText, visible } from './harness.ts';

let fake: FakeSlack;
let socket: FakeSocketMode;
let database: Database;
let slack: RunningSlack;

beforeEach(async () => {
  fake = await FakeSlack.start();
  fake.addTeam({ id: 'T1', token: 'xoxb-t1' });
  socket = fake.socketMode();
  database = await memoryDatabase();
  const log = pino({ level: 'silent' });
  slack = await startSlack({
    conversation: createConversation({ db: database.db, log }),
    db: database.db,
    log,
    config: { mode: 'socket', auth: { kind: 'token', botToken: 'xoxb-t1' }, signingSecret: undefined, appToken: 'xapp-test', port: 0, apiUrl: fake.apiUrl, sendPerSecond: 50, apiRetries: 0 },
  });
  await socket.ready;
});
afterEach(async () => {
  await slack.stop();
  await fake.stop();
  await database.close();
});

const dm = (text: string, eventId: string) => ({
  token: 'verification-token',
  team_id: 'T1',
  api_app_id: 'AKEEPWARM',
  type: 'event_callback',
  event_id: eventId,
  event_time: 1700000000,
  authorizations: [{ team_id: 'T1', user_id: 'UBOTT1', is_bot: true }],
  event: { type: 'message', channel_type: 'im', channel: 'DT1U1', user: 'U1', text, ts: `1700000000.${eventId.length}`, event_ts: '1700000000.1' },
});

describe('Socket Mode', () => {
  it('connects with the app-level token and answers a slash command through its response_url', async () => {
    expect(fake.callsTo('apps.connections.open')[0]!.token).toBe('xapp-test');
    const responseUrl = fake.responseUrl();
    const ack = await socket.send('slash_commands', {
      token: 'verification-token', team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/met', text: 'Anna Schmidt at Verbandstagung, tier A',
      api_app_id: 'AKEEPWARM', response_url: responseUrl, trigger_id: 'trigger-sm-1',
    });
    expect(ack.envelope_id).toBeTruthy();
    const answer = await fake.waitFor(() => fake.responses.find((r) => r.path === new URL(responseUrl).pathname), 'the answer');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(visible(blocksText(answer.body.blocks))).toContain('Met *Anna Schmidt*');
  });

  it('answers in the DM, and a redelivered envelope (retry_attempt) changes nothing twice', async () => {
    await socket.send('events_api', dm('/add Bob Meyer, tier B, last talked 7 months ago', 'EvA'));
    await fake.waitFor(() => fake.callsTo('chat.postMessage')[0], 'the answer to /add');
    await socket.send('events_api', dm('called Bob yesterday', 'EvB'));
    await socket.send('events_api', dm('called Bob yesterday', 'EvB'), { retryAttempt: 1 });
    await socket.send('events_api', dm('/overdue', 'EvC'));
    const overdue = await fake.waitFor(() => fake.callsTo('chat.postMessage')[2], 'the answer to /overdue');
    expect(visible(blocksText(overdue.args.blocks))).toContain('Nobody is overdue');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
    const calls = await database.db.selectFrom('touches').select('kind').where('kind', '=', 'call').execute();
    expect(calls).toHaveLength(1);
  });

  it('takes a button press', async () => {
    await socket.send('events_api', dm('/met Tom at Hack Day', 'EvT'));
    const met = await fake.waitFor(() => fake.callsTo('chat.postMessage')[0], 'the answer to /met');
    expect(visible(blocksText(met.args.blocks))).toContain('Which tier?');
    await socket.send('interactive', {
      type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1', team_id: 'T1' }, api_app_id: 'AKEEPWARM', trigger_id: 'trigger-sm-2',
      container: { type: 'message', message_ts: String(met.args.ts ?? '1700000000.000001'), channel_id: 'DT1U1', is_ephemeral: false }, channel: { id: 'DT1U1' },
      response_url: fake.responseUrl(), actions: [{ type: 'button', action_id: 'kw-1', block_id: 'b', value: 'tier:1:A', action_ts: '1' }],
    });
    const answer = await fake.waitFor(() => fake.callsTo('chat.postMessage')[1], 'the answer to the press');
    expect(visible(blocksText(answer.args.blocks))).toContain('*Tom* is now tier A');
  });
});
