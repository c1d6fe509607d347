/**
 * The sync planner: each event occurrence or Message-ID logs at most one
 * touch per contact; a moved event moves it, a deleted one removes it, a
 * touch the user took back stays taken back.
 */
import { describe, expect, it } from 'vitest';
import { planCounts, planSync, type KnownItem, type Observation } from '../../src/sources/plan.ts';

const SOURCE = 7;
const obs = (patch: Partial<Observation> = {}): Observation => ({
  key: 'event:a|1', contactId: 1, kind: 'meeting', on: '2026-11-10', startsAt: '2026-11-10T10:00:00.000Z', allDay: false, ended: true, ...patch,
});
const known = (patch: Partial<KnownItem> = {}): KnownItem => ({
  id: 100, sourceId: SOURCE, key: 'event:a|1', contactId: 1, on: '2026-11-10', startsAt: '2026-11-10T10:00:00.000Z', state: 'logged', hasTouch: true, ...patch,
});
const plan = (observations: Observation[], items: KnownItem[], completeFrom: string | null = '2026-10-22') =>
  planSync({ sourceId: SOURCE, observations, known: items, completeFrom });

describe('the sync planner', () => {
  it('logs an ended event seen for the first time', () => {
    const p = plan([obs()], []);
    expect(p.insert).toEqual([{ observation: obs(), state: 'logged', touch: true }]);
    expect(planCounts(p)).toEqual({ added: 1, moved: 0, removed: 0 });
  });

  it('records an upcoming event without a touch, and adds the touch once it has ended', () => {
    expect(plan([obs({ ended: false })], []).insert[0]).toMatchObject({ state: 'upcoming', touch: false });
    expect(plan([obs()], [known({ state: 'upcoming', hasTouch: false })]).update[0]).toMatchObject({ state: 'logged', touch: 'add' });
  });

  it('changes nothing when the event is as it was', () => {
    expect(planCounts(plan([obs()], [known()]))).toEqual({ added: 0, moved: 0, removed: 0 });
    expect(plan([obs()], [known()]).update).toEqual([]);
  });

  it('moves the touch of a moved event', () => {
    const p = plan([obs({ on: '2026-11-12' })], [known()]);
    expect(p.update[0]).toMatchObject({ touch: 'move', state: 'logged' });
  });

  it('removes the touch of an event that moved into the future', () => {
    expect(plan([obs({ ended: false, on: '2026-11-25' })], [known()]).update[0]).toMatchObject({ touch: 'remove', state: 'upcoming' });
  });

  it('removes the touch of an event gone from a complete read, but not of one older than the window', () => {
    expect(plan([], [known()]).remove).toEqual([known()]);
    expect(plan([], [known({ on: '2026-10-01' })]).remove).toEqual([]);
  });

  it('never removes anything on an incremental read (mail)', () => {
    expect(plan([], [known({ key: 'mail:<1@x>' })], null).remove).toEqual([]);
  });

  it('does not log again a touch the user took back', () => {
    expect(plan([obs()], [known({ hasTouch: false })]).update).toEqual([]);
    expect(plan([obs({ on: '2026-11-12' })], [known({ hasTouch: false })]).update[0]).toMatchObject({ touch: 'keep' });
  });

  it('leaves an item another connected source logged to that source, and takes over an orphan', () => {
    expect(plan([obs()], [known({ sourceId: 9 })])).toEqual({ insert: [], update: [], remove: [] });
    expect(plan([obs()], [known({ sourceId: null })]).update[0]).toMatchObject({ touch: 'keep' });
  });

  it('logs an event with two contacts once for each, and the same item twice in one read once', () => {
    const p = plan([obs(), obs({ contactId: 2 }), obs()], []);
    expect(p.insert.map((i) => i.observation.contactId)).toEqual([1, 2]);
  });

  it('brings back an event that reappears after it was removed', () => {
    expect(plan([obs()], [known({ state: 'removed', hasTouch: false })]).update[0]).toMatchObject({ touch: 'add', state: 'logged' });
  });
});
