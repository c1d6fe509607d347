/** The pace of nudges into a workspace: below Slack's limits, and quiet after a 429. */
import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/port.ts';
import { Pace } from '../../adapters/slack/pace.ts';

function paced(perSecond: number) {
  let now = 0;
  const slept: number[] = [];
  const pace = new Pace({
    perSecond,
    perChatPerSecond: 1,
    clock: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  });
  return { pace, slept, advance: (ms: number) => (now += ms) };
}

describe('Pace', () => {
  it('spaces messages into one workspace by 1/perSecond, whatever the channel', async () => {
    const { pace, slept } = paced(4);
    for (const channel of ['D1', 'D2', 'D3', 'D4']) await pace.acquire('T1', channel);
    expect(slept).toEqual([250, 250, 250]);
  });

  it('keeps one channel to a message a second, and workspaces apart', async () => {
    const { pace, slept } = paced(50);
    await pace.acquire('T1', 'D1');
    await pace.acquire('T2', 'D1');
    await pace.acquire('T1', 'D1');
    expect(slept).toEqual([1000]);
  });

  it('after a 429 refuses at once with the time left, for the whole workspace, until Retry-After has passed', async () => {
    const { pace, advance } = paced(50);
    pace.coolDown('T1', 30_000);
    const error = await pace.acquire('T1', 'D9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ failure: 'rate_limited', retryAfterMs: 30_000 });
    await pace.acquire('T2', 'D9');
    advance(30_000);
    await expect(pace.acquire('T1', 'D9')).resolves.toBeUndefined();
  });
});
