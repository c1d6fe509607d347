/**
 * The daily nudge through the Slack Messenger: sent into the app's DM, answered
 * by a button or a thread reply, failures as DeliveryErrors, a revoked token
 * marking the workspace inactive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/bot/conversation.ts';
import { DeliveryError, type Recipient, type Reply } from '../../src/port.ts';
import { l } from '../../src/rich.ts';
import { slackDb } from '../../adapters/slack/workspaces.ts';
import { blocksButtons, blocksText, startSlackTest, visible, type SlackTest } from './harness.ts';

let t: SlackTest;
afterEach(async () => {
  await t.stop();
});

const U1: Recipient = { platform: 'slack', teamId: 'T1', userId: 'U1', chatId: '' };

/**
 * Plays the part of the nudge answers being built on main: an answer that
 * names a nudge (a press under it, a reply in its thread) replaces the nudge
 * with the bot's first reply. Here only to show the adapter's side of it.
 */
function answersEditTheNudge(nudges: Set<string>) {
  return (bot: Conversation): Pick<Conversation, 'handle'> => ({
    async handle(incoming, now) {
      const replies = await bot.handle(incoming, now);
      const nudge = incoming.replyToMessageId;
      if (!nudge || !nudges.has(nudge) || replies.length === 0) return replies;
      return [{ ...replies[0]!, editMessageId: nudge }, ...replies.slice(1)];
    },
  });
}

/** Adds Bob, overdue, through the DM; returns his contact id. */
async function overdueBob(): Promise<number> {
  await t.sender.message('T1', 'U1', '/add Bob Meyer, tier B, last talked 7 months ago');
  await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0], 'the answer to /add');
  const row = await t.database.db.selectFrom('contacts').select('id').executeTakeFirstOrThrow();
  return row.id;
}

function nudgeFor(id: number, name: string): Reply {
  return {
    text: [l`📞 Time to call ${name}?`],
    buttons: [
      [
        { label: `✅ Done: ${name}`, action: `done:${id}`, style: 'primary' },
        { label: '💤 3 d', action: `snooze:${id}:3` },
      ],
    ],
  };
}

async function touchesOf(contactId: number): Promise<number> {
  const rows = await t.database.db.selectFrom('touches').select('id').where('contact_id', '=', contactId).execute();
  return rows.length;
}

describe('the nudge', () => {
  it('goes to the DM (opened once) with Done and Snooze buttons; pressing Done logs the touch and updates the nudge', async () => {
    const nudges = new Set<string>();
    t = await startSlackTest({ wrap: answersEditTheNudge(nudges) });
    const bob = await overdueBob();
    const before = await touchesOf(bob);

    const { messageId } = await t.slack.messenger.send(U1, nudgeFor(bob, 'Bob Meyer'));
    nudges.add(messageId);
    const nudge = t.fake.callsTo('chat.postMessage').at(-1)!;
    expect(nudge.args.channel).toBe('DT1U1');
    expect(nudge.args.ts ?? messageId).toBeTruthy();
    expect(blocksButtons(nudge.args.blocks).map((b) => b.value)).toEqual([`done:${bob}`, `snooze:${bob}:3`]);
    expect(String(nudge.args.text)).toContain('Time to call Bob Meyer?');
    expect(t.fake.callsTo('conversations.open')).toHaveLength(0); // the DM is known from the user's message

    await t.sender.press('T1', 'U1', `done:${bob}`, { type: 'message', channel: 'DT1U1', ts: messageId });
    const update = await t.fake.waitFor(() => t.fake.callsTo('chat.update')[0], 'chat.update of the nudge');
    expect(update.args).toMatchObject({ channel: 'DT1U1', ts: messageId });
    expect(visible(blocksText(update.args.blocks))).toContain('Logged contact with *Bob Meyer*');
    expect(t.seen.at(-1)).toMatchObject({ action: `done:${bob}`, replyToMessageId: messageId, chatId: 'DT1U1' });
    expect(await touchesOf(bob)).toBe(before + 1);
  });

  it('a reply in its thread names the nudge, is answered in the thread, and updates the nudge', async () => {
    const nudges = new Set<string>();
    t = await startSlackTest({ wrap: answersEditTheNudge(nudges) });
    const bob = await overdueBob();
    const before = await touchesOf(bob);
    const { messageId } = await t.slack.messenger.send({ ...U1, chatId: 'DT1U1' }, nudgeFor(bob, 'Bob Meyer'));
    nudges.add(messageId);

    await t.sender.message('T1', 'U1', 'done Bob', { threadTs: messageId });
    const update = await t.fake.waitFor(() => t.fake.callsTo('chat.update')[0], 'chat.update of the nudge');
    expect(update.args.ts).toBe(messageId);
    expect(t.seen.at(-1)).toMatchObject({ text: 'done Bob', replyToMessageId: messageId });
    expect(await touchesOf(bob)).toBe(before + 1);
  });

  it('a thread reply without the nudge part is answered in the thread', async () => {
    t = await startSlackTest();
    await overdueBob();
    const { messageId } = await t.slack.messenger.send(U1, { text: [l`📞 Call Bob?`] });
    await t.sender.message('T1', 'U1', '/stats', { threadTs: messageId });
    const answer = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage').find((c) => c.args.thread_ts === messageId), 'an answer in the thread');
    expect(visible(blocksText(answer.args.blocks))).toContain('Your network');
  });

  it('opens the DM once for a user keepwarm has no DM channel for yet', async () => {
    t = await startSlackTest();
    await t.slack.messenger.send({ ...U1, userId: 'U7' }, { text: [l`Hello`] });
    await t.slack.messenger.send({ ...U1, userId: 'U7' }, { text: [l`Hello again`] });
    expect(t.fake.callsTo('conversations.open')).toHaveLength(1);
    expect(t.fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['DT1U7', 'DT1U7']);
  });

  it('exposes the pace it keeps for the scheduler: per workspace', async () => {
    t = await startSlackTest({ config: { sendPerSecond: 3 } });
    expect(t.slack.messenger.rateLimit).toEqual({ perSecond: 3, perChatPerSecond: 1, per: 'team' });
  });
});

/** Tuesday 24 November 2026, 10:00 in Berlin (the fake profile's zone): a working day, whatever the wall clock says. */
const TUESDAY_10 = new Date('2026-11-24T09:00:00Z');

describe('the real daily nudge on Slack', () => {
  it('the scheduler sends it through the adapter; Done updates it in place, a thread reply "done Anna" applies to it', async () => {
    const { createScheduler } = await import('../../src/scheduler/scheduler.ts');
    const now = () => TUESDAY_10;
    t = await startSlackTest({ now });
    const bob = await overdueBob();
    await t.sender.message('T1', 'U1', '/add Anna Schmidt, tier A, last talked 3 months ago');
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[1], 'the answer to the second /add');
    await t.database.db.updateTable('users').set({ next_nudge_at: new Date(TUESDAY_10.getTime() - 1000).toISOString() }).execute();

    const { send } = await createScheduler({ db: t.database.db, messengers: [t.slack.messenger], now }).tick();
    expect(send.sent).toBe(1);
    const nudge = t.fake.callsTo('chat.postMessage').at(-1)!;
    expect(nudge.args.channel).toBe('DT1U1');
    expect(visible(blocksText(nudge.args.blocks))).toContain('Good morning! Your 2 calls for today');
    const done = blocksButtons(nudge.args.blocks).find((b) => b.value.startsWith(`done:${bob}:`))!;
    expect(done.label).toBe('✅ Done: Bob Meyer');
    // The outbox recorded the message's ts: presses and thread replies find the nudge by it.
    const { message_id: messageTs } = await t.database.db.selectFrom('nudges').select('message_id').where('local_date', 'is not', null).executeTakeFirstOrThrow();
    expect(messageTs).toBeTruthy();
    await t.sender.press('T1', 'U1', done.value, { type: 'message', channel: 'DT1U1', ts: messageTs! });
    const update = await t.fake.waitFor(() => t.fake.callsTo('chat.update')[0], 'chat.update of the nudge');
    expect(update.args.ts).toBe(messageTs);
    expect(visible(blocksText(update.args.blocks))).toContain('*Bob Meyer* — ✅ done');

    await t.sender.message('T1', 'U1', 'done Anna', { threadTs: messageTs! });
    const second = await t.fake.waitFor(() => t.fake.callsTo('chat.update')[1], 'the second chat.update');
    expect(visible(blocksText(second.args.blocks))).toContain('*Anna Schmidt* — ✅ done');
  });
});

describe('/today on Slack', () => {
  it('Done in a /today list in the DM updates that list in place, like the nudge', async () => {
    t = await startSlackTest({ now: () => TUESDAY_10 });
    const bob = await overdueBob();
    await t.sender.message('T1', 'U1', '/today');
    const list = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[1], 'the /today list');
    expect(visible(blocksText(list.args.blocks))).toContain('One person to contact now');
    const ts = await t.fake.waitFor(() => list.result?.ts as string | undefined, 'the list\'s ts');
    const done = blocksButtons(list.args.blocks).find((b) => b.label === '✅ Done: Bob Meyer')!;

    await t.sender.press('T1', 'U1', done.value, { type: 'message', channel: 'DT1U1', ts });
    const update = await t.fake.waitFor(() => t.fake.callsTo('chat.update')[0], 'chat.update of the list');
    expect(update.args).toMatchObject({ channel: 'DT1U1', ts });
    expect(visible(blocksText(update.args.blocks))).toContain('*Bob Meyer* — ✅ done (next due');
    expect(blocksButtons(update.args.blocks).map((b) => b.label)).not.toContain('✅ Done: Bob Meyer');
    expect(await touchesOf(bob)).toBe(2);
  });

  it('Done in the /today list of a slash command replaces that ephemeral list', async () => {
    t = await startSlackTest({ now: () => TUESDAY_10 });
    const bob = await overdueBob();
    const asked = await t.sender.command('T1', 'U1', '/today', '');
    const answer = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === asked.responseUrl), 'the /today answer');
    const done = blocksButtons(answer.body.blocks).find((b) => b.label === '✅ Done: Bob Meyer')!;

    const press = await t.sender.press('T1', 'U1', done.value, { type: 'message', channel: 'C0GENERAL', ts: '1700000900.000001', ephemeral: true });
    const replaced = await t.fake.waitFor(() => t.fake.responses.find((r) => r.path === press.responseUrl), 'the replaced list');
    expect(replaced.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(visible(blocksText(replaced.body.blocks))).toContain('*Bob Meyer* — ✅ done (next due');
    expect(await touchesOf(bob)).toBe(2);
  });
});

describe('delivery failures', () => {
  async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    return error as DeliveryError;
  }

  const inactive = async () => (await slackDb(t.database.db).selectFrom('slack_installations').select(['team_id', 'inactive', 'inactive_reason']).execute())[0];

  it('a 429 is rate_limited with Retry-After, not retried, and the workspace waits before the next send', async () => {
    t = await startSlackTest();
    t.fake.fail('chat.postMessage', { status: 429, retryAfter: 30 });
    const error = await failure(t.slack.messenger.send({ ...U1, chatId: 'DT1U1' }, { text: [l`Hi`] }));
    expect(error.failure).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(30_000);
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(1);
    const next = await failure(t.slack.messenger.send({ ...U1, userId: 'U2', chatId: 'DT1U2' }, { text: [l`Hi`] }));
    expect(next.failure).toBe('rate_limited');
    expect(next.retryAfterMs).toBeGreaterThan(25_000);
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['user_not_found', 'blocked'],
    ['cannot_dm_bot', 'blocked'],
    ['invalid_auth', 'blocked'],
    ['channel_not_found', 'permanent'],
    ['internal_error', 'transient'],
  ])('Slack error %s is %s', async (code, expected) => {
    t = await startSlackTest();
    t.fake.fail('chat.postMessage', { error: code });
    expect((await failure(t.slack.messenger.send({ ...U1, chatId: 'DT1U1' }, { text: [l`Hi`] }))).failure).toBe(expected);
    expect((await inactive())!.inactive).toBe(0);
  });

  it('a 500 is transient', async () => {
    t = await startSlackTest();
    t.fake.fail('chat.postMessage', { status: 500 });
    expect((await failure(t.slack.messenger.send({ ...U1, chatId: 'DT1U1' }, { text: [l`Hi`] }))).failure).toBe('transient');
  });

  it('a revoked token blocks, marks the workspace inactive, and nothing more is sent there', async () => {
    t = await startSlackTest();
    t.fake.fail('chat.postMessage', { error: 'token_revoked' });
    expect((await failure(t.slack.messenger.send({ ...U1, chatId: 'DT1U1' }, { text: [l`Hi`] }))).failure).toBe('blocked');
    expect(await inactive()).toEqual({ team_id: 'T1', inactive: 1, inactive_reason: 'token_revoked' });
    expect((await failure(t.slack.messenger.send({ ...U1, userId: 'U2', chatId: 'DT1U2' }, { text: [l`Hi`] }))).failure).toBe('blocked');
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(JSON.stringify(t.logs)).not.toContain('xoxb-');
  });

  it('account_inactive while answering a user marks the workspace inactive too, and the app keeps running', async () => {
    t = await startSlackTest();
    t.fake.fail('chat.postMessage', { error: 'account_inactive' });
    await t.sender.message('T1', 'U1', '/stats');
    await t.fake.waitFor(async () => (await inactive())?.inactive === 1, 'the workspace marked inactive');
    await t.fake.waitFor(() => t.logs.find((entry) => entry.msg === 'slack: handling an update failed'), 'the failure logged');
    // Still serving: the next request is answered.
    await t.sender.message('T1', 'U1', '/stats');
    await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[1], 'the next answer');
  });

  it.each([
    ['tokens_revoked', { type: 'tokens_revoked', tokens: { bot: ['UBOTT1'] } }],
    ['app_uninstalled', { type: 'app_uninstalled' }],
  ])('the %s event marks the workspace inactive', async (reason, event) => {
    t = await startSlackTest();
    // A revoked user token is no reason: keepwarm only uses the bot's.
    await t.sender.event('T1', { type: 'tokens_revoked', tokens: { oauth: ['U1'] } });
    await t.sender.event('T1', event);
    await t.fake.waitFor(async () => (await inactive())?.inactive === 1, 'the workspace marked inactive');
    expect((await inactive())!.inactive_reason).toBe(reason);
  });
});
