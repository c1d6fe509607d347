/**
 * Each Slack user's bounded share: what one user sends too fast is skipped,
 * they are told so once, and nobody else is held up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userLimiter } from '../../src/user-limit.ts';
import { blocksText, startSlackTest, visible, type SlackTest } from './harness.ts';

let t: SlackTest | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('a Slack user sending faster than their share', () => {
  it('gets answers to their share, one notice that the rest was skipped, and another user is answered meanwhile', async () => {
    t = await startSlackTest({ limiter: userLimiter({ burst: 3, perSecond: 0.001, noticeEveryMs: 60_000 }) });
    const { sender, fake } = t;
    for (let i = 0; i < 8; i++) await sender.message('T1', 'U1', '/today');
    await sender.message('T1', 'U2', '/today');
    const posted = () => fake.callsTo('chat.postMessage').map((call) => ({ channel: call.args.channel, text: visible(blocksText(call.args.blocks)) }));
    await fake.waitFor(() => posted().filter((p) => p.channel === 'DT1U1').length >= 4 && posted().some((p) => p.channel === 'DT1U2'), 'the answers');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const toFlooder = posted().filter((p) => p.channel === 'DT1U1');
    expect(toFlooder).toHaveLength(4);
    expect(toFlooder.filter((p) => p.text.includes('faster than I can answer'))).toHaveLength(1);
    expect(posted().filter((p) => p.channel === 'DT1U2')).toHaveLength(1);
    // Only the admitted messages reached the conversation.
    expect(t.seen.filter((incoming) => incoming.from.userId === 'U1')).toHaveLength(3);
  });
});
