/**
 * The send budget is one for every instance: two senders on one database
 * together never book send slots closer than the platform's limit allows.
 */
import { describe, expect, it } from 'vitest';
import { createSender } from '../../src/scheduler/send.ts';
import { databaseBudget, type SendBudget } from '../../src/store/send-budget.ts';
import { enqueue } from '../../src/store/outbox.ts';
import { ensureUser } from '../../src/store/users.ts';
import { memoryDatabase } from '../doubles/chat.ts';
import { FakeMessenger } from '../doubles/messenger.ts';

/** Records every slot booked through it. */
function spying(budget: SendBudget, slots: number[]): SendBudget {
  return {
    async reserve(scope, gapUs, nowUs) {
      const slot = await budget.reserve(scope, gapUs, nowUs);
      slots.push(slot);
      return slot;
    },
    hold: (scope, untilUs) => budget.hold(scope, untilUs),
  };
}

describe('the shared send budget', () => {
  it('two senders on one database book slots at least 1/limit apart, together', async () => {
    const { db } = await memoryDatabase();
    const now = new Date();
    const messages = [];
    for (let i = 0; i < 60; i++) {
      const user = await ensureUser(db, { platform: 'telegram', teamId: '', userId: `u${i}` }, { chatId: `u${i}` }, now);
      messages.push({ userId: user.id, nudgeId: null, platform: 'telegram', teamId: '', platformUserId: `u${i}`, chatId: `u${i}`, reply: { text: [[{ text: 'hi' }]] }, expiresAt: new Date(now.getTime() + 3600_000).toISOString() });
    }
    await enqueue(db, messages, now.toISOString());

    const slots: number[] = [];
    const limit = { perSecond: 100 };
    const [a, b] = [new FakeMessenger('telegram'), new FakeMessenger('telegram')];
    a.rateLimit = b.rateLimit = limit;
    const senders = [a, b].map((m) => createSender(db, [m], { budget: spying(databaseBudget(db), slots), concurrency: 3 }));
    const reports = await Promise.all(senders.map((s) => s.drain()));

    expect(reports[0]!.sent + reports[1]!.sent).toBe(60);
    expect(a.sent.length + b.sent.length).toBe(60);
    const sorted = [...slots].sort((x, y) => x - y);
    const gapUs = 1_000_000 / limit.perSecond;
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(gapUs - 1);
  });

  it('a retry-after holds the whole scope, for every instance', async () => {
    const { db } = await memoryDatabase();
    const budget = databaseBudget(db);
    const nowUs = Date.now() * 1000;
    await budget.hold('telegram', nowUs + 5_000_000);
    const slot = await databaseBudget(db).reserve('telegram', 1000, nowUs);
    expect(slot).toBeGreaterThanOrEqual(nowUs + 5_000_000);
    // Another scope is not held.
    expect(await budget.reserve('slack:T1', 1000, nowUs)).toBe(nowUs);
  });
});

describe('stopping the sender', () => {
  it('finishes the sends in flight and leaves the rest pending for the next run', async () => {
    const { db } = await memoryDatabase();
    const now = new Date();
    const messages = [];
    for (let i = 0; i < 40; i++) {
      const user = await ensureUser(db, { platform: 'telegram', teamId: '', userId: `s${i}` }, { chatId: `s${i}` }, now);
      messages.push({ userId: user.id, nudgeId: null, platform: 'telegram', teamId: '', platformUserId: `s${i}`, chatId: `s${i}`, reply: { text: [[{ text: 'hi' }]] }, expiresAt: new Date(now.getTime() + 3600_000).toISOString() });
    }
    await enqueue(db, messages, now.toISOString());
    const messenger = new FakeMessenger('telegram');
    messenger.rateLimit = { perSecond: 50 };
    const sender = createSender(db, [messenger], { concurrency: 2 });
    const draining = sender.drain();
    while (messenger.sent.length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    sender.stop();
    const report = await draining;
    const rows = await db.selectFrom('outbox').select('status').execute();
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(report.sent);
    expect(report.sent).toBeLessThan(40);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(40 - report.sent);
    expect(rows.filter((r) => r.status === 'sending')).toHaveLength(0);
  });
});
