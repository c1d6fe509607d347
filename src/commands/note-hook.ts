/**
 * Reads a note for a hook (src/core/hooks.ts): a future time it names —
 * "im Oktober", "in March", "Anfang März", "am 12. März", "next month",
 * "nächsten Monat" — or news worth a congratulation: a promotion, a new job.
 * Notes without either stay plain notes.
 */
import { addDays, startOfIsoWeek } from '../core/dates.ts';
import type { NoteHook } from '../core/hooks.ts';
import type { LocalDate } from '../core/types.ts';
import { fold, lookup } from './normalize.ts';
import { MONTHS } from './parse-occasion.ts';

// A month counts only after a word that points at a time ("may" alone is a verb).
const LEAD = String.raw`(?:in|im|ab|from|for|by|bis|until|till|this|next|diesen|naechsten|kommenden|anfang|mitte|ende|early|mid|late|end\s+of|beginning\s+of|start\s+of)`;
const MONTH_AFTER_LEAD = new RegExp(String.raw`(?:^|[\s(,;:])${LEAD}\s+(?:dem\s+|the\s+)?([a-z]{3,9})\.?(?:\s+(\d{4}))?(?=$|[\s).,;:!?])`, 'iu');
// "am 12. März", "on March 12", "12 March", "March 12th".
const DAY_MONTH = /(?:^|[\s(,;:])(\d{1,2})\.?\s+([a-z]{3,9})\.?(?:\s+(\d{4}))?(?=$|[\s).,;:!?])/iu;
const MONTH_DAY = /(?:^|[\s(,;:])(?:on\s+)([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?=$|[\s).,;:!?])/iu;
const NEXT_MONTH = /(?:^|\s)(?:next\s+month|naechsten\s+monat|kommenden\s+monat)(?=$|[\s.,;:!?])/iu;
const NEXT_WEEK = /(?:^|\s)(?:next\s+week|naechste\s+woche|kommende\s+woche)(?=$|[\s.,;:!?])/iu;
// A past time is no hook: "last March", "letzten März", "met in March", "war im Mai".
const PAST = /(?:^|\s)(?:last|letzten|vergangenen)\s+[a-z]{3,9}(?=$|[\s.,;:!?])|(?:^|\s)(?:met|was|were|had|war|waren|hatte|getroffen|kennengelernt)(?=$|[\s.,;:!?])/iu;

// News: a promotion or a new job, in English or German (folded: ö → oe …).
const NEWS = /(?:^|\s)(?:promoted|promotion|new\s+(?:job|role|position)|(?:starts|started|starting)\s+a\s+new\s+job|joined\s+\S+(?:\s+\S+)?\s+as|is\s+now\s+(?:the\s+)?(?:ceo|cfo|cto|coo|head|director|vp|partner|managing)|befoerdert|befoerderung|neue[nr]?\s+(?:job|stelle|position|rolle)|wechselt\s+zu|jetzt\s+(?:ceo|cfo|cto|geschaeftsfuehrer|leiter|leiterin|partner|vorstand)|faengt\s+bei\s+\S+\s+an)(?=$|[\s.,;:!?])/iu;

function firstOf(year: number, month: number): LocalDate {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

function dayOf(year: number, month: number, day: number): LocalDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** The next such month from today (this month counts), or the year said. */
function yearFor(month: number, year: string | undefined, today: LocalDate): number {
  if (year) return Number(year);
  const [thisYear, thisMonth] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return month >= thisMonth ? thisYear : thisYear + 1;
}

/** The future date a note names, or null. */
export function noteDate(text: string, today: LocalDate): LocalDate | null {
  const folded = fold(text);
  if (NEXT_WEEK.test(folded)) return addDays(startOfIsoWeek(today), 7);
  if (NEXT_MONTH.test(folded)) {
    const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    return month === 12 ? firstOf(year + 1, 1) : firstOf(year, month + 1);
  }
  const candidates: LocalDate[] = [];
  const dayMonth = DAY_MONTH.exec(folded);
  const dm = dayMonth && lookup(MONTHS, dayMonth[2] ?? '');
  if (dayMonth && dm !== undefined && dm !== null) {
    const date = dayOf(yearFor(dm, dayMonth[3], today), dm, Number(dayMonth[1]));
    if (date) candidates.push(date);
  }
  const monthDay = MONTH_DAY.exec(folded);
  const md = monthDay && lookup(MONTHS, monthDay[1] ?? '');
  if (monthDay && md !== undefined && md !== null) {
    const date = dayOf(yearFor(md, monthDay[3], today), md, Number(monthDay[2]));
    if (date) candidates.push(date);
  }
  const lead = MONTH_AFTER_LEAD.exec(folded);
  const m = lead && lookup(MONTHS, lead[1] ?? '');
  if (lead && m !== undefined && m !== null) candidates.push(firstOf(yearFor(m, lead[2], today), m));
  const date = candidates.find((d) => d >= today.slice(0, 8) + '01');
  if (!date || PAST.test(folded)) return null;
  // This month's first is behind us: the hook is due now.
  return date < today ? today : date;
}

/** The hook a note carries: news first (it is due now), else a future date it names. */
export function noteHook(text: string, today: LocalDate): NoteHook | null {
  if (NEWS.test(fold(text))) return { kind: 'news', dueOn: today };
  const date = noteDate(text, today);
  return date ? { kind: 'dated', dueOn: date } : null;
}
