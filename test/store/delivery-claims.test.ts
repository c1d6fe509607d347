/**
 * Claims on update ids (store/inbound.ts, bot/delivery.ts): a redelivery of a
 * handled update changes nothing; one whose handling failed is handled again;
 * a claim another handling holds is waited for; a claim whose process died is
 * taken over after the lease.
 */
import { describe, expect, it } from 'vitest';
import { createDeliveries } from '../../src/bot/delivery.ts';
import { claimDelivery, DELIVERY_LEASE_MS, deliveryState, finishDelivery, releaseDelivery } from '../../src/store/inbound.ts';
import { testDatabase } from '../doubles/database.ts';

const update = { platform: 'telegram', eventId: '4711' };
const NOW = new Date('2026-11-23T09:00:00Z');

describe('claims on update ids', () => {
  it('a finished update is a duplicate; a released one is claimed again', async () => {
    const { db, close } = await testDatabase();
    const first = await claimDelivery(db, update, NOW);
    expect(first.kind).toBe('claimed');
    await releaseDelivery(db, update, (first as { at: string }).at);
    expect((await claimDelivery(db, update, NOW)).kind).toBe('claimed');
    await finishDelivery(db, update, NOW);
    expect(await claimDelivery(db, update, NOW)).toEqual({ kind: 'duplicate' });
    await close();
  });

  it('a claim held elsewhere is busy until its lease runs out, then taken over by exactly one', async () => {
    const { db, close } = await testDatabase();
    await claimDelivery(db, update, NOW);
    expect(await claimDelivery(db, update, new Date(NOW.getTime() + 60_000))).toEqual({ kind: 'busy' });
    const later = new Date(NOW.getTime() + DELIVERY_LEASE_MS + 1000);
    const [a, b] = await Promise.all([claimDelivery(db, update, later), claimDelivery(db, update, later)]);
    expect([a.kind, b.kind].sort()).toEqual(['busy', 'claimed']);
    await close();
  });

  it('a second handling of an update being handled waits for it: a duplicate once the first finishes', async () => {
    const { db, close } = await testDatabase();
    await claimDelivery(db, update, NOW);
    const waiting = createDeliveries(db, { busyWaitMs: 5000, pollMs: 20 }).claim(update, NOW);
    setTimeout(() => void finishDelivery(db, update, NOW), 100);
    expect(await waiting).toEqual({ kind: 'duplicate' });
    await close();
  });

  it('… and ours to handle once the first takes its claim back', async () => {
    const { db, close } = await testDatabase();
    const first = (await claimDelivery(db, update, NOW)) as { at: string };
    const waiting = createDeliveries(db, { busyWaitMs: 5000, pollMs: 20 }).claim(update, NOW);
    setTimeout(() => void releaseDelivery(db, update, first.at), 100);
    expect((await waiting).kind).toBe('claimed');
    await close();
  });

  it('a claim that could not be taken back when handling failed is taken back by itself as soon as the database answers', async () => {
    const { db, close } = await testDatabase();
    let down = false;
    // The database fails for deletes while `down`.
    const flaky = new Proxy(db, {
      get(target, key) {
        if (key === 'deleteFrom' && down) throw new Error('database unreachable');
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const deliveries = createDeliveries(flaky);
    const claim = (await deliveries.claim(update, NOW)) as { at: string };
    down = true;
    await deliveries.release(update, claim.at);
    expect(deliveries.unsettled).toBe(1);
    expect(await deliveryState(db, update)).toBe('claimed');
    down = false;
    const deadline = Date.now() + 10_000;
    while (deliveries.unsettled > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await deliveryState(db, update)).toBe('none');
    await close();
  });
});
