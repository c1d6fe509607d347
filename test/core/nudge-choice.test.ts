import { describe, expect, it } from 'vitest';
import { rankAgenda } from '../../src/core/agenda.ts';
import type { ContactFacts } from '../../src/core/contact.ts';
import { chooseNudge, isIgnoredStreak, type PastEntry } from '../../src/core/nudge-choice.ts';
import { lastWeekSummary } from '../../src/core/week-summary.ts';
import { DEFAULT_CADENCES } from '../../src/core/types.ts';

const today = '2026-11-23';
let nextId = 1;
function contact(over: Partial<ContactFacts>): ContactFacts {
  return {
    id: nextId++, name: `C${nextId}`, tier: 'A', cadenceDays: null, status: 'active', source: 'add', place: null, snoozedUntil: null,
    metOn: null, createdOn: '2025-01-01', lastTouchOn: '2026-08-01', followUp: null, reviewedOn: null, ...over,
  };
}
const none = { previousPicks: new Set<number>(), recent: new Map<number, PastEntry[]>() };
const ignored = (n: number): PastEntry[] => Array.from({ length: n }, () => ({ reason: 'overdue' as const, state: 'ignored' as const }));

describe('the daily choice', () => {
  it('takes at most the user\'s count of calls, most overdue first', () => {
    const a = contact({ name: 'Anna', lastTouchOn: '2026-07-01' });
    const b = contact({ name: 'Bob', lastTouchOn: '2026-08-01' });
    const c = contact({ name: 'Carl', lastTouchOn: '2026-09-01' });
    const choice = chooseNudge(rankAgenda([c, b, a], [], DEFAULT_CADENCES, today), 2, none);
    expect(choice.picks.map((p) => p.contact.name)).toEqual(['Anna', 'Bob']);
  });

  it('follow-ups come along without counting against the cap', () => {
    const met = Array.from({ length: 5 }, (_, i) => contact({ name: `New${i}`, source: 'met', metOn: '2026-11-22', lastTouchOn: '2026-11-22', followUp: { stage: 'first', due: '2026-11-23' }, place: 'Verbandstagung' }));
    const old = contact({ name: 'Anna', lastTouchOn: '2026-07-01' });
    const choice = chooseNudge(rankAgenda([...met, old], [], DEFAULT_CADENCES, today), 1, none);
    expect(choice.followUps).toHaveLength(5);
    expect(choice.picks.map((p) => p.contact.name)).toEqual(['Anna']);
  });

  it('the tier question of the follow-up track is asked, not counted as a call', () => {
    const c = contact({ name: 'Carla', source: 'met', tier: 'B', followUp: { stage: 'tier', due: '2026-11-20' }, lastTouchOn: '2026-11-19' });
    const choice = chooseNudge(rankAgenda([c], [], DEFAULT_CADENCES, today), 2, none);
    expect(choice.tierQuestions.map((q) => q.contact.name)).toEqual(['Carla']);
    expect(choice.picks).toEqual([]);
  });

  it('nobody is picked for their cadence two nudges running', () => {
    const a = contact({ name: 'Anna', lastTouchOn: '2026-07-01' });
    const b = contact({ name: 'Bob', lastTouchOn: '2026-08-01' });
    const choice = chooseNudge(rankAgenda([a, b], [], DEFAULT_CADENCES, today), 1, { ...none, previousPicks: new Set([a.id]) });
    expect(choice.picks.map((p) => p.contact.name)).toEqual(['Bob']);
  });

  it('a reminder is picked even if the person was picked yesterday', () => {
    const a = contact({ name: 'Anna', tier: 'C' });
    const agenda = rankAgenda([a], [{ id: 1, contactId: a.id, due: today, text: 'tender' }], DEFAULT_CADENCES, today);
    expect(chooseNudge(agenda, 2, { ...none, previousPicks: new Set([a.id]) }).picks.map((p) => p.reason)).toEqual(['reminder']);
  });

  it('three ignored nudges in a row turn the person into a question instead of a pick', () => {
    const a = contact({ name: 'Anna', lastTouchOn: '2026-07-01' });
    const b = contact({ name: 'Bob', lastTouchOn: '2026-08-01' });
    const choice = chooseNudge(rankAgenda([a, b], [], DEFAULT_CADENCES, today), 2, { ...none, recent: new Map([[a.id, ignored(3)]]) });
    expect(choice.ignoredQuestions.map((c) => c.name)).toEqual(['Anna']);
    expect(choice.picks.map((p) => p.contact.name)).toEqual(['Bob']);
  });

  it('an answer, or an earlier question, ends the ignored streak', () => {
    expect(isIgnoredStreak(ignored(2))).toBe(false);
    expect(isIgnoredStreak([...ignored(2), { reason: 'overdue', state: 'done' }, ...ignored(3)])).toBe(false);
    expect(isIgnoredStreak([{ reason: 'ignored', state: 'ignored' }, ...ignored(3)])).toBe(false);
    expect(isIgnoredStreak(ignored(4))).toBe(true);
  });
});

describe('the Monday line', () => {
  it('counts last ISO week\'s real touches and the share on A', () => {
    const a = contact({ tier: 'A' });
    const b = contact({ tier: 'B' });
    const touches = [
      { contactId: a.id, on: '2026-11-16', kind: 'call' as const },
      { contactId: a.id, on: '2026-11-22', kind: 'email' as const },
      { contactId: b.id, on: '2026-11-20', kind: 'meeting' as const },
      { contactId: b.id, on: '2026-11-20', kind: 'attempt' as const },
      { contactId: a.id, on: '2026-11-23', kind: 'call' as const },
      { contactId: a.id, on: '2026-11-15', kind: 'call' as const },
    ];
    expect(lastWeekSummary([a, b], touches, '2026-11-23')).toEqual({ weekStart: '2026-11-16', touches: 3, shareOnA: 2 / 3 });
    expect(lastWeekSummary([a, b], [], '2026-11-23').shareOnA).toBeNull();
  });
});
