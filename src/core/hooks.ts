/**
 * Dated hooks and news (DESIGN §1: occasions are the best reasons to call).
 * A note naming a future time ("speaks at the forum in March") comes back as
 * the talking point, and as the reason to call, in the week it comes due; a
 * note of news ("promoted to CFO") makes an A or B contact a call within a
 * few days, to congratulate. Pure: notes and contacts in, reasons out.
 */
import { addDays, startOfIsoWeek } from './dates.ts';
import type { ReminderFacts } from './contact.ts';
import type { LocalDate, Tier } from './types.ts';

export type NoteHookKind = 'dated' | 'news';

export interface NoteHook {
  kind: NoteHookKind;
  /** A dated hook's day; for news the day it was written. */
  dueOn: LocalDate;
}

/** A stored hook with what the rules need of its contact. */
export interface HookNote extends NoteHook {
  noteId: number;
  contactId: number;
  text: string;
  tier: Tier;
  status: string;
  lastTouchOn: LocalDate | null;
}

/** News is worth a congratulation for this many days after it was noted. */
export const NEWS_DAYS = 7;
/** A dated hook stays a reason for the week it falls in and a week after. */
const DATED_GRACE_DAYS = 6;

/** The days a hook is a reason to call: from its first day to its last, both included. */
export function hookWindow(hook: NoteHook): { from: LocalDate; to: LocalDate } {
  if (hook.kind === 'news') return { from: hook.dueOn, to: addDays(hook.dueOn, NEWS_DAYS - 1) };
  return { from: startOfIsoWeek(hook.dueOn), to: addDays(hook.dueOn, DATED_GRACE_DAYS) };
}

/**
 * Hook rule: the hooks that are a reason to call today, as reminders the
 * agenda already knows how to rank — active A and B contacts only, and none once the person was spoken to within the hook's window.
 * Reminder ids are the note ids negated, so they never meet a stored one.
 */
export function dueHookReminders(notes: readonly HookNote[], today: LocalDate): ReminderFacts[] {
  const reminders: ReminderFacts[] = [];
  for (const note of notes) {
    if (note.status !== 'active') continue;
    // C contacts are passive and D ones on their way out: never nudged, not for a hook either.
    if (note.tier !== 'A' && note.tier !== 'B') continue;
    const { from, to } = hookWindow(note);
    if (today < from || today > to) continue;
    if (note.lastTouchOn !== null && note.lastTouchOn >= from) continue;
    // The emoji says which occasion without words a catalog would have to carry.
    reminders.push({ id: -note.noteId, contactId: note.contactId, due: from, text: `${note.kind === 'news' ? '🎉' : '📅'} ${note.text}` });
  }
  return reminders;
}
