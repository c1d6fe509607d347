/** Which notes carry a hook: a future time they name, or news to congratulate on (note-hook.ts). */
import { describe, expect, it } from 'vitest';
import { noteDate, noteHook } from '../../src/commands/note-hook.ts';

const TODAY = '2026-11-23';

describe('a future time in a note', () => {
  it.each([
    ['Tochter fängt im Oktober an zu studieren', '2027-10-01'],
    ['speaking at the logistics forum in March', '2027-03-01'],
    ['in March: speaks at the forum', '2027-03-01'],
    ['Anfang Dezember auf Dienstreise', '2026-12-01'],
    ['moves to Hamburg in November', TODAY],
    ['Hochzeit am 12. Juni', '2027-06-12'],
    ['keynote on March 12th', '2027-03-12'],
    ['back from parental leave next month', '2026-12-01'],
    ['Umzug nächste Woche', '2026-11-30'],
    ['in March 2028 retires', '2028-03-01'],
  ])('"%s" is due %s', (text, due) => {
    expect(noteDate(text, TODAY)).toBe(due);
  });

  it.each(['likes sailing', 'may call back', 'met in March at the fair', 'war im Mai im Urlaub', 'since last March at Siemens', 'wants 12 samples'])('"%s" names no future time', (text) => {
    expect(noteDate(text, TODAY)).toBeNull();
  });
});

describe('news to congratulate on', () => {
  it.each(['promoted to CFO', 'neuer Job bei Siemens', 'wurde zur Bereichsleiterin befördert', 'joined Bosch as Head of Sales', 'is now CEO', 'neue Stelle als Einkaufsleiter'])('"%s" is news, due the day it is noted', (text) => {
    expect(noteHook(text, TODAY)).toEqual({ kind: 'news', dueOn: TODAY });
  });

  it('a dated note is a dated hook, a plain note none', () => {
    expect(noteHook('speaks at the forum in March', TODAY)).toEqual({ kind: 'dated', dueOn: '2027-03-01' });
    expect(noteHook('likes sailing', TODAY)).toBeNull();
  });
});
