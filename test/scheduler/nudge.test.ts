/** The daily nudge with a controlled clock: when it comes, whom it names, never twice, never silently missing. */
import { describe, expect, it } from 'vitest';
import { blocked, rateLimited, serverError } from '../doubles/messenger.ts';
import { world } from './world.ts';

// 2026-11-23 is a Monday. Berlin is UTC+1 in November.
async function withOverdue(options: Parameters<typeof world>[0] = {}) {
  const w = await world(options);
  await w.chat.say('/add Anna Schmidt, tier A, last talked 3 months ago');
  await w.chat.say('/add Bob Meyer, tier B, last talked 1 year ago');
  await w.chat.say('/add Carl Weber, tier B, last talked 2 years ago');
  return w;
}

describe('when the nudge comes', () => {
  it('comes once at 09:00 local on the next working day, not a minute before, never twice', async () => {
    const w = await withOverdue();
    await w.tickAt('2026-11-24T07:59:00Z');
    expect(w.messenger.sent).toHaveLength(0);
    const { plan, send } = await w.tickAt('2026-11-24T08:00:00Z');
    expect(plan.planned).toBe(1);
    expect(send.sent).toBe(1);
    for (const iso of ['2026-11-24T08:01:00Z', '2026-11-24T12:00:00Z', '2026-11-24T22:59:00Z']) await w.tickAt(iso);
    expect(w.messenger.sent).toHaveLength(1);
    await w.tickAt('2026-11-25T08:00:00Z');
    expect(w.messenger.sent).toHaveLength(2);
  });

  it('names the 2 most overdue people with tier, how far overdue, days since contact and buttons', async () => {
    const w = await withOverdue();
    await w.tickAt('2026-11-24T08:00:00Z');
    const [nudge] = w.messenger.sent;
    expect(nudge!.text).toContain('Your 2 calls for today');
    expect(nudge!.text).toContain('1. Carl Weber (B) — 551 days overdue · last contact 731 days ago');
    expect(nudge!.text).toContain('2. Anna Schmidt (A) — 33 days overdue · last contact 93 days ago');
    expect(nudge!.text).not.toContain('Bob');
    expect(nudge!.reply.buttons!.flat().map((b) => b.label)).toContain('✅ Done: Anna Schmidt');
  });

  it('skips weekends by default and honours /settings days', async () => {
    const w = await withOverdue();
    for (const day of ['24', '25', '26', '27', '28', '29']) await w.tickAt(`2026-11-${day}T08:00:00Z`);
    expect(w.messenger.sent).toHaveLength(4);
    await w.chat.say('/settings days sat,sun');
    await w.tickAt('2026-11-30T08:00:00Z');
    await w.tickAt('2026-12-05T08:00:00Z');
    expect(w.messenger.sent).toHaveLength(5);
  });

  it('after days of downtime it skips the missed days instead of sending them all', async () => {
    const w = await withOverdue();
    const { plan } = await w.tickAt('2026-11-27T08:30:00Z');
    expect(plan).toMatchObject({ skippedLate: 1, planned: 1 });
    expect(w.messenger.sent).toHaveLength(1);
  });

  it('sends a nudge missed while the bot was down within 6 hours, and skips the day after that', async () => {
    const w = await withOverdue();
    await w.tickAt('2026-11-24T13:59:00Z');
    expect(w.messenger.sent).toHaveLength(1);
    const v = await withOverdue();
    const { plan } = await v.tickAt('2026-11-24T14:01:00Z');
    expect(plan.skippedLate).toBe(1);
    expect(v.messenger.sent).toHaveLength(0);
    await v.tickAt('2026-11-25T08:00:00Z');
    expect(v.messenger.sent).toHaveLength(1);
  });

  it('a missed nudge is caught up on its own day only, even within the window', async () => {
    const w = await withOverdue();
    w.at('2026-11-24T12:00:00Z');
    await w.chat.say('/settings time 22:00');
    // 22:00 Berlin on Tuesday is 21:00Z; the bot comes back at 00:30 Wednesday, Berlin time.
    const { plan } = await w.tickAt('2026-11-24T23:30:00Z');
    expect(plan.skippedLate).toBe(1);
    expect(w.messenger.sent).toHaveLength(0);
    await w.tickAt('2026-11-25T21:00:00Z');
    expect(w.messenger.sent).toHaveLength(1);
  });

  it('a shorter catch-up window is configurable', async () => {
    const w = await withOverdue({ catchUpMs: 30 * 60_000 });
    const { plan } = await w.tickAt('2026-11-24T08:31:00Z');
    expect(plan.skippedLate).toBe(1);
  });

  it('09:00 stays 09:00 local on both daylight-saving switch days, once each', async () => {
    const w = await withOverdue({ start: '2026-03-26T09:00:00Z' });
    await w.chat.say('/settings days daily');
    const sentAt: string[] = [];
    // Tick every 10 minutes from Friday to Tuesday around the spring switch.
    for (let t = Date.parse('2026-03-27T00:00:00Z'); t < Date.parse('2026-03-31T00:00:00Z'); t += 600_000) {
      const before = w.messenger.sent.length;
      await w.tickAt(new Date(t).toISOString());
      if (w.messenger.sent.length > before) sentAt.push(new Date(t).toISOString());
    }
    expect(sentAt).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('and in autumn', async () => {
    const w = await withOverdue({ start: '2026-10-22T09:00:00Z' });
    await w.chat.say('/settings days daily');
    const sentAt: string[] = [];
    for (let t = Date.parse('2026-10-23T00:00:00Z'); t < Date.parse('2026-10-27T00:00:00Z'); t += 600_000) {
      const before = w.messenger.sent.length;
      await w.tickAt(new Date(t).toISOString());
      if (w.messenger.sent.length > before) sentAt.push(new Date(t).toISOString());
    }
    expect(sentAt).toEqual(['2026-10-23T07:00:00.000Z', '2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z']);
  });

  it.each([
    ['Asia/Kolkata', '2026-11-24T03:30:00Z'],
    ['Pacific/Chatham', '2026-11-23T19:15:00Z'],
    ['America/New_York', '2026-11-24T14:00:00Z'],
  ])('in %s the nudge comes at 09:00 local (%s)', async (zone, instant) => {
    const w = await withOverdue({ timeZone: zone });
    await w.tickAt(new Date(Date.parse(instant) - 60_000).toISOString());
    expect(w.messenger.sent).toHaveLength(0);
    await w.tickAt(instant);
    expect(w.messenger.sent).toHaveLength(1);
  });

  it('changing the nudge time or the time zone after the nudge never brings a second one that day', async () => {
    const w = await withOverdue();
    await w.tickAt('2026-11-24T08:00:00Z');
    w.at('2026-11-24T09:00:00Z');
    await w.chat.say('/settings time 11:00');
    await w.tickAt('2026-11-24T10:00:00Z');
    await w.chat.say('/settings timezone America/Los_Angeles');
    // 11:00 in Los Angeles on the 24th is 19:00Z: still the 24th there, which had its nudge.
    await w.tickAt('2026-11-24T19:00:00Z');
    expect(w.messenger.sent).toHaveLength(1);
    await w.tickAt('2026-11-25T19:00:00Z');
    expect(w.messenger.sent).toHaveLength(2);
  });

  it('moving the time later before the nudge moves the nudge', async () => {
    const w = await withOverdue();
    w.at('2026-11-24T07:00:00Z');
    await w.chat.say('/settings time 10:30');
    await w.tickAt('2026-11-24T08:00:00Z');
    expect(w.messenger.sent).toHaveLength(0);
    await w.tickAt('2026-11-24T09:30:00Z');
    expect(w.messenger.sent).toHaveLength(1);
  });

  it('no nudges while paused; they resume on the end date', async () => {
    const w = await withOverdue();
    await w.chat.say('/pause until December 2');
    await w.tickAt('2026-11-24T08:00:00Z');
    await w.tickAt('2026-12-01T08:00:00Z');
    expect(w.messenger.sent).toHaveLength(0);
    await w.tickAt('2026-12-02T08:00:00Z');
    expect(w.messenger.sent).toHaveLength(1);
  });

  it('nobody due: the day is claimed but nothing is sent', async () => {
    const w = await world();
    await w.chat.say('/add Anna, tier A');
    const { plan } = await w.tickAt('2026-11-24T08:00:00Z');
    expect(plan.empty).toBe(1);
    expect(w.messenger.sent).toHaveLength(0);
  });
});

describe('delivery faults', () => {
  it('429 with retry-after, then 500, then success: delivered once, after the wait', async () => {
    const w = await withOverdue();
    w.messenger.failNext('ada', rateLimited(1000), serverError());
    let result = await w.tickAt('2026-11-24T08:00:00Z');
    expect(result.send).toMatchObject({ sent: 0, retried: 1 });
    result = await w.tickAt('2026-11-24T08:00:00.500Z');
    expect(result.send.sent).toBe(0); // still inside retry-after
    result = await w.tickAt('2026-11-24T08:00:01Z');
    expect(result.send).toMatchObject({ sent: 0, retried: 1 });
    result = await w.tickAt('2026-11-24T08:00:11Z');
    expect(result.send.sent).toBe(1);
    expect(w.messenger.attempts).toHaveLength(3);
    expect(w.messenger.sent).toHaveLength(1);
  });

  it('a user who blocked the bot is marked inactive, the others still get theirs, and writing again re-activates', async () => {
    const w = await withOverdue();
    const bea = await w.another('bea');
    await bea.say('/add Dora, tier A, last talked 4 months ago');
    w.messenger.failNext('ada', blocked());
    const { send } = await w.tickAt('2026-11-24T08:00:00Z');
    expect(send).toMatchObject({ sent: 1, blocked: 1 });
    expect(w.messenger.to('bea')).toHaveLength(1);
    await w.tickAt('2026-11-25T08:00:00Z');
    expect(w.messenger.to('ada')).toHaveLength(0);
    await w.chat.say('/stats');
    await w.tickAt('2026-11-26T08:00:00Z');
    expect(w.messenger.to('ada')).toHaveLength(1);
  });

  it('a permanent failure for one user does not hold up another', async () => {
    const w = await withOverdue();
    const bea = await w.another('bea');
    await bea.say('/add Dora, tier A, last talked 4 months ago');
    w.messenger.failNext('ada', new Error('400 Bad Request: chat not found'));
    for (let i = 0; i < 9; i++) w.messenger.failNext('ada', new Error('400'));
    const { send } = await w.tickAt('2026-11-24T08:00:00Z');
    expect(send.sent).toBe(1);
    expect(w.messenger.to('bea')).toHaveLength(1);
  });
});
