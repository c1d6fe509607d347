/** Hook rules: when a dated note or news is a reason to call (src/core/hooks.ts). */
import { describe, expect, it } from 'vitest';
import { dueHookReminders, hookWindow, type HookNote } from '../../src/core/hooks.ts';

const note = (over: Partial<HookNote>): HookNote => ({
  noteId: 7, contactId: 1, text: 'speaks at the forum', kind: 'dated', dueOn: '2027-03-03', tier: 'B', status: 'active', lastTouchOn: '2027-01-10', ...over,
});

describe('hook windows', () => {
  it('a dated hook counts from the Monday of its week to six days after its day; news for a week from the day it was noted', () => {
    expect(hookWindow(note({}))).toEqual({ from: '2027-03-01', to: '2027-03-09' });
    expect(hookWindow(note({ kind: 'news', dueOn: '2026-11-24' }))).toEqual({ from: '2026-11-24', to: '2026-11-30' });
  });
});

describe('dueHookReminders', () => {
  it('inside the window a hook is a reminder due on the window\'s first day, marked by its emoji', () => {
    expect(dueHookReminders([note({})], '2027-03-02')).toEqual([{ id: -7, contactId: 1, due: '2027-03-01', text: '📅 speaks at the forum' }]);
    expect(dueHookReminders([note({ kind: 'news', text: 'promoted to CFO', dueOn: '2027-03-01' })], '2027-03-02')[0]!.text).toBe('🎉 promoted to CFO');
  });

  it('before or after the window, after a touch inside it, for an archived contact: no reason', () => {
    expect(dueHookReminders([note({})], '2027-02-28')).toEqual([]);
    expect(dueHookReminders([note({})], '2027-03-10')).toEqual([]);
    expect(dueHookReminders([note({ lastTouchOn: '2027-03-01' })], '2027-03-02')).toEqual([]);
    expect(dueHookReminders([note({ status: 'archived' })], '2027-03-02')).toEqual([]);
  });

  it('only A and B contacts become a call: C is passive, D on its way out', () => {
    const news = { kind: 'news' as const, dueOn: '2027-03-01' };
    expect(dueHookReminders([note({ ...news, tier: 'A' })], '2027-03-02')).toHaveLength(1);
    expect(dueHookReminders([note({ ...news, tier: 'C' })], '2027-03-02')).toEqual([]);
    expect(dueHookReminders([note({ tier: 'D' })], '2027-03-02')).toEqual([]);
  });
});
