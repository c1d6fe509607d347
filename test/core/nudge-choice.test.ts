import { describe, expect, it } from 'vitest';
import { rankAgenda } from '../../src/core/agenda.ts';
import type { ContactFacts } from '../../src/core/contact.ts';
import { chooseNudge, isIgnoredStreak, turnOf, type NudgeHistory, type PastEntry } from '../../src/core/nudge-choice.ts';
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
const none: NudgeHistory = { lastNudges: [], recent: new Map<number, PastEntry[]>() };
/** Named in the nudges of these dates (newest first) and never answered. */
const unanswered = (...dates: string[]): PastEntry[] => dates.map((date) => ({ date, reason: 'overdue' as const, state: 'ignored' as const }));
const history = (lastNudges: string[], recent: [ContactFacts, PastEntry[]][]): NudgeHistory => ({ lastNudges, recent: new Map(recent.map(([c, e]) => [c.id, e])) });
const names = (items: { contact: ContactFacts }[]) => items.map((p) => p.contact.name);

describe('the daily choice', () => {
  it('takes at most the user\'s count of calls, most overdue first', () => {
    const a = contact({ name: 'Anna', lastTouchOn: '2026-07-01' });
    const b = contact({ name: 'Bob', lastTouchOn: '2026-08-01' });
    const c = contact({ name: 'Carl', lastTouchOn: '2026-09-01' });
    const choice = chooseNudge(rankAgenda([c, b, a], [], DEFAULT_CADENCES, today), 2, none);
    expect(names(choice.picks)).toEqual(['Anna', 'Bob']);
  });

  it('follow-ups come along without counting against the cap', () => {
    const met = Array.from({ length: 5 }, (_, i) => contact({ name: `New${i}`, source: 'met', metOn: '2026-11-22', lastTouchOn: '2026-11-22', followUp: { stage: 'first', due: '2026-11-23' }, place: 'Verbandstagung' }));
    const old = contact({ name: 'Anna', lastTouchOn: '2026-07-01' });
    const choice = chooseNudge(rankAgenda([...met, old], [], DEFAULT_CADENCES, today), 1, none);
    expect(choice.followUps).toHaveLength(5);
    expect(names(choice.picks)).toEqual(['Anna']);
  });

  it('a C contact met at an event gets the follow-up it was promised; a D contact has no track', () => {
    const c = contact({ name: 'Carla', tier: 'C', source: 'met', metOn: '2026-11-20', lastTouchOn: '2026-11-20', followUp: { stage: 'first', due: '2026-11-23' } });
    const d = contact({ name: 'Dora', tier: 'D', source: 'met', metOn: '2026-11-20', lastTouchOn: '2026-11-20', followUp: { stage: 'first', due: '2026-11-23' } });
    const choice = chooseNudge(rankAgenda([c, d], [], DEFAULT_CADENCES, today), 2, none);
    expect(names(choice.followUps)).toEqual(['Carla']);
  });

  it('the tier question of the follow-up track is asked, not counted as a call', () => {
    const c = contact({ name: 'Carla', source: 'met', tier: 'B', followUp: { stage: 'tier', due: '2026-11-20' }, lastTouchOn: '2026-11-19' });
    const choice = chooseNudge(rankAgenda([c], [], DEFAULT_CADENCES, today), 2, none);
    expect(names(choice.tierQuestions)).toEqual(['Carla']);
    expect(choice.picks).toEqual([]);
  });

  it('a follow-up two weeks late is asked about instead of listed as fresh; asked on an earlier day and not kept, it is dropped', () => {
    const ole = contact({ name: 'Ole', tier: 'B', source: 'met', metOn: '2026-11-05', lastTouchOn: '2026-11-05', followUp: { stage: 'first', due: '2026-11-06' } });
    const fresh = chooseNudge(rankAgenda([ole], [], DEFAULT_CADENCES, today), 2, none);
    expect(names(fresh.staleQuestions)).toEqual(['Ole']);
    expect(fresh.followUps).toEqual([]);
    const askedToday = chooseNudge(rankAgenda([{ ...ole, followUpAskedOn: today }], [], DEFAULT_CADENCES, today), 2, none);
    expect(names(askedToday.staleQuestions)).toEqual(['Ole']);
    const askedBefore = chooseNudge(rankAgenda([{ ...ole, followUpAskedOn: '2026-11-20' }], [], DEFAULT_CADENCES, today), 2, none);
    expect(askedBefore.staleQuestions).toEqual([]);
    expect(askedBefore.followUps).toEqual([]);
  });

  it('a follow-up more than a day past its date is marked late', () => {
    const onTime = contact({ name: 'Ina', tier: 'B', source: 'met', metOn: '2026-11-20', lastTouchOn: '2026-11-20', followUp: { stage: 'first', due: '2026-11-22' } });
    const late = contact({ name: 'Jo', tier: 'B', source: 'met', metOn: '2026-11-19', lastTouchOn: '2026-11-19', followUp: { stage: 'first', due: '2026-11-21' } });
    const agenda = rankAgenda([onTime, late], [], DEFAULT_CADENCES, today);
    expect(agenda.map((i) => [i.contact.name, i.late === true])).toEqual([['Jo', true], ['Ina', false]]);
  });
});

describe('someone to call every nudge day', () => {
  it('with fewer overdue than calls, it fills up with those due soonest, A before B, and says they are early', () => {
    const overdue = contact({ name: 'Olga', tier: 'B', lastTouchOn: '2026-03-01' });
    const soonB = contact({ name: 'Bea', tier: 'B', lastTouchOn: '2026-06-01' }); // due 2026-11-28
    const soonA = contact({ name: 'Abe', tier: 'A', lastTouchOn: '2026-09-29' }); // due 2026-11-28
    const later = contact({ name: 'Zed', tier: 'A', lastTouchOn: '2026-10-20' }); // due 2026-12-19, only 34 days since
    const choice = chooseNudge(rankAgenda([later, soonB, overdue, soonA], [], DEFAULT_CADENCES, today), 3, none);
    expect(choice.picks.map((p) => [p.contact.name, p.reason])).toEqual([['Olga', 'overdue'], ['Abe', 'early'], ['Bea', 'early']]);
  });

  it('nobody just called is suggested early: under half their cadence since the last contact', () => {
    const recent = contact({ name: 'Rita', tier: 'A', lastTouchOn: '2026-11-01', cadenceDays: 30 }); // due 2026-12-01, 22 of 30 days
    const fresh = contact({ name: 'Fritz', tier: 'A', lastTouchOn: '2026-11-20', cadenceDays: 10 }); // due 2026-11-30, 3 of 10 days
    expect(names(chooseNudge(rankAgenda([recent, fresh], [], DEFAULT_CADENCES, today), 2, none).picks)).toEqual(['Rita']);
  });

  it('reminders and promised returns never crowd out everyone overdue: one overdue person is named beyond the count', () => {
    const r = contact({ name: 'Rosa', tier: 'C' });
    const back = contact({ name: 'Ben', tier: 'B', lastTouchOn: '2026-06-01', backOn: today }); // promised, due in 5 days
    const overdue = contact({ name: 'Olga', tier: 'A', lastTouchOn: '2026-07-01' });
    const agenda = rankAgenda([r, back, overdue], [{ id: 1, contactId: r.id, due: today, text: 'tender' }], DEFAULT_CADENCES, today);
    expect(chooseNudge(agenda, 1, none).picks.map((p) => [p.contact.name, p.reason])).toEqual([['Rosa', 'reminder'], ['Ben', 'back'], ['Olga', 'overdue']]);
  });

  it('a promised return comes on its day and stays until a nudge on or after it named them', () => {
    const ben = contact({ name: 'Ben', tier: 'A', lastTouchOn: '2026-07-01', backOn: '2026-11-20' });
    const agenda = (lastNamed?: string) => rankAgenda([ben], [], DEFAULT_CADENCES, today, lastNamed ? { lastNamed: new Map([[ben.id, lastNamed]]) } : {});
    expect(agenda()[0]!.reason).toBe('back');
    expect(agenda('2026-11-18')[0]!.reason).toBe('back');
    expect(agenda('2026-11-20')[0]!.reason).toBe('overdue');
  });
});

describe('rotation', () => {
  it('someone named in the previous nudge and not answered yields their place to someone not named', () => {
    const a = contact({ name: 'Anna', lastTouchOn: '2026-07-01' });
    const b = contact({ name: 'Bob', lastTouchOn: '2026-08-01' });
    const choice = chooseNudge(rankAgenda([a, b], [], DEFAULT_CADENCES, today), 1, history(['2026-11-20'], [[a, unanswered('2026-11-20')]]));
    expect(names(choice.picks)).toEqual(['Bob']);
  });

  it('but is not left out when there is nobody else: the day is never empty', () => {
    const a = contact({ name: 'Anna', lastTouchOn: '2026-07-01' });
    const choice = chooseNudge(rankAgenda([a], [], DEFAULT_CADENCES, today), 2, history(['2026-11-20'], [[a, unanswered('2026-11-20')]]));
    expect(names(choice.picks)).toEqual(['Anna']);
  });

  it('an unanswered overdue person rested in the previous nudge comes first the nudge after: named again within two nudge days', () => {
    const a = contact({ name: 'Anna', lastTouchOn: '2026-08-10' });
    const b = contact({ name: 'Bob', lastTouchOn: '2026-07-01' });
    const c = contact({ name: 'Carl', lastTouchOn: '2026-07-02' });
    const h = history(['2026-11-20', '2026-11-19'], [[a, unanswered('2026-11-19')], [b, unanswered('2026-11-20')]]);
    expect(turnOf(h.recent.get(a.id), h.lastNudges)).toBe('again');
    expect(names(chooseNudge(rankAgenda([a, b, c], [], DEFAULT_CADENCES, today), 1, h).picks)).toEqual(['Anna']);
  });

  it('unanswered overdue people whose turn comes again are named even when a reminder takes one of the calls', () => {
    const a = contact({ name: 'Anna', lastTouchOn: '2026-08-10' });
    const c = contact({ name: 'Carl', lastTouchOn: '2026-08-12' });
    const b = contact({ name: 'Bob', lastTouchOn: '2026-07-01' });
    const d = contact({ name: 'Dora', lastTouchOn: '2026-07-02' });
    const r = contact({ name: 'Rita', tier: 'C' });
    const h = history(['2026-11-20', '2026-11-19'], [[a, unanswered('2026-11-19')], [c, unanswered('2026-11-19')], [b, unanswered('2026-11-20')], [d, unanswered('2026-11-20')]]);
    const agenda = rankAgenda([a, b, c, d, r], [{ id: 1, contactId: r.id, due: today, text: 'tender' }], DEFAULT_CADENCES, today);
    expect(names(chooseNudge(agenda, 2, h).picks)).toEqual(['Rita', 'Anna', 'Carl']);
  });

  it('a reminder is picked even if the person was picked yesterday', () => {
    const a = contact({ name: 'Anna', tier: 'C' });
    const agenda = rankAgenda([a], [{ id: 1, contactId: a.id, due: today, text: 'tender' }], DEFAULT_CADENCES, today);
    expect(chooseNudge(agenda, 2, history(['2026-11-20'], [[a, unanswered('2026-11-20')]])).picks.map((p) => p.reason)).toEqual(['reminder']);
  });
});

describe('not contacted after three nudges', () => {
  it('three unanswered nudges that named the person turn them into a question instead of a pick', () => {
    const a = contact({ name: 'Anna', lastTouchOn: '2026-07-01' });
    const b = contact({ name: 'Bob', lastTouchOn: '2026-08-01' });
    const h = history(['2026-11-20'], [[a, unanswered('2026-11-20', '2026-11-18', '2026-11-16')]]);
    const choice = chooseNudge(rankAgenda([a, b], [], DEFAULT_CADENCES, today), 2, h);
    expect(choice.ignoredQuestions.map((c) => c.name)).toEqual(['Anna']);
    expect(names(choice.picks)).toEqual(['Bob']);
  });

  it('an answer, or an earlier question, ends the streak', () => {
    expect(isIgnoredStreak(unanswered('2026-11-20', '2026-11-19'))).toBe(false);
    expect(isIgnoredStreak([...unanswered('2026-11-20', '2026-11-19'), { date: '2026-11-18', reason: 'overdue', state: 'done' }, ...unanswered('2026-11-17', '2026-11-16', '2026-11-13')])).toBe(false);
    expect(isIgnoredStreak([{ date: '2026-11-20', reason: 'ignored', state: 'ignored' }, ...unanswered('2026-11-19', '2026-11-18', '2026-11-17')])).toBe(false);
    expect(isIgnoredStreak(unanswered('2026-11-20', '2026-11-19', '2026-11-18', '2026-11-17'))).toBe(true);
  });

  it('counts only nudges with no contact logged since: a touch in between ends the streak', () => {
    const three = unanswered('2026-11-20', '2026-11-19', '2026-11-18');
    expect(isIgnoredStreak(three, '2026-11-10')).toBe(true);
    expect(isIgnoredStreak(three, '2026-11-18')).toBe(false);
    expect(isIgnoredStreak(three, '2026-11-19')).toBe(false);
  });

  it('being named early or for a reminder neither counts nor ends the streak', () => {
    const early = (date: string): PastEntry => ({ date, reason: 'early', state: 'ignored' });
    const reminder = (date: string): PastEntry => ({ date, reason: 'reminder', state: 'ignored' });
    expect(isIgnoredStreak([early('2026-11-20'), early('2026-11-19'), reminder('2026-11-18')])).toBe(false);
    expect(isIgnoredStreak([early('2026-11-20'), ...unanswered('2026-11-19', '2026-11-18'), reminder('2026-11-17'), ...unanswered('2026-11-16')])).toBe(true);
  });

  it('someone named for a reminder is never asked about instead: the reminder comes', () => {
    const a = contact({ name: 'Anna', lastTouchOn: '2026-07-01' });
    const agenda = rankAgenda([a], [{ id: 1, contactId: a.id, due: today, text: 'tender' }], DEFAULT_CADENCES, today);
    const choice = chooseNudge(agenda, 2, history(['2026-11-20'], [[a, unanswered('2026-11-20', '2026-11-19', '2026-11-18')]]));
    expect(choice.picks.map((p) => p.reason)).toEqual(['reminder']);
    expect(choice.ignoredQuestions).toEqual([]);
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
