/**
 * Who the daily nudge names (docs/design.md §3, docs/scheduler.md "Whom it
 * names"): today's agenda cut to the user's 1–3 calls, with the rules that
 * keep it from nagging and from letting anyone fall through.
 *
 * - Follow-ups of new acquaintances are quick notes, not calls: all of them
 *   come along and none counts against the cap. Their last step, "confirm
 *   the tier", is a question of its own, and so is a follow-up two weeks late
 *   ("still follow up with Ole?").
 * - Reminders due and returns keepwarm promised always come: the user asked
 *   for the one, keepwarm gave its word on the other.
 * - Contacts past their cadence fill the calls up to the count, then those
 *   due soonest ("early"). While anyone is overdue, at least one overdue
 *   person is named, even when reminders and promises fill the count.
 * - Rotation: someone named in the previous nudge and left unanswered goes to
 *   the back of their group, so others get a turn — and someone left
 *   unanswered two nudges ago and rested since comes first, so an unanswered
 *   overdue person is named again within two nudge days: even beyond the
 *   count when reminders and promised returns took the calls that day.
 * - Someone overdue, named as due in three nudges, never answered and not
 *   contacted since, is asked about instead — keep, move to C, or archive —
 *   and not picked that day (the question names them).
 */
import type { AgendaItem } from './agenda.ts';
import type { ContactFacts } from './contact.ts';
import type { LocalDate } from './types.ts';

/** Why a person is in a nudge: a call (reminder, promised return, overdue, early), a follow-up, or a question. */
export type EntryReason = 'followup' | 'reminder' | 'back' | 'overdue' | 'early' | 'ignored' | 'stale';

/**
 * How an entry was answered. `open` until then; `ignored` when the next nudge
 * came first. `tiered`, `kept`, `archived` and `dropped` answer the questions.
 */
export type EntryState = 'open' | 'done' | 'attempt' | 'skipped' | 'snoozed' | 'ignored' | 'tiered' | 'kept' | 'archived' | 'dropped';

/** The reasons that make an entry a call. */
export const CALL_REASONS: ReadonlySet<EntryReason> = new Set<EntryReason>(['reminder', 'back', 'overdue', 'early']);

export interface PastEntry {
  /** The local date of the daily nudge that named them. */
  date: LocalDate;
  reason: EntryReason;
  state: EntryState;
}

export interface NudgeHistory {
  /** The user's daily nudges before today, newest first (the two latest are read). */
  lastNudges: readonly LocalDate[];
  /** Each contact's latest entries in daily nudges before today, newest first. */
  recent: ReadonlyMap<number, readonly PastEntry[]>;
}

export interface NudgeChoice {
  /** Reminders, promised returns, overdue and early contacts: the calls of the day. */
  picks: AgendaItem[];
  /** Due first and second follow-ups, any number. */
  followUps: AgendaItem[];
  /** Follow-up track's last step: confirm or change the tier. */
  tierQuestions: AgendaItem[];
  /** Follow-ups two weeks late: still follow up? */
  staleQuestions: AgendaItem[];
  /** Named three nudges without an answer or a contact: keep, move to C, or archive? */
  ignoredQuestions: ContactFacts[];
}

/** Nudges left unanswered before keepwarm asks whether to keep the person. */
const IGNORED_IN_A_ROW = 3;

const isUnanswered = (entry: PastEntry): boolean => entry.state === 'open' || entry.state === 'ignored';

/**
 * Ignore rule: the contact's latest nudges all named them and went unanswered,
 * at least three of them, with no contact logged on or after the first of
 * them — "not contacted after three nudges" counts only nudges where the
 * person was named as due (overdue, or back as promised) and not touched in
 * between. An answer, a touch, or an earlier question ends the streak. Being
 * named early (not due yet) or for a reminder neither counts nor ends it:
 * leaving an early suggestion or the user's own reminder open says nothing
 * about whether the person is still worth keeping.
 */
export function isIgnoredStreak(recent: readonly PastEntry[] | undefined, lastTouchOn: LocalDate | null = null): boolean {
  let streak = 0;
  for (const entry of recent ?? []) {
    if (entry.reason === 'ignored' || !isUnanswered(entry)) break;
    if (lastTouchOn !== null && lastTouchOn >= entry.date) break;
    if (COUNTS_AS_IGNORED.has(entry.reason)) streak++;
  }
  return streak >= IGNORED_IN_A_ROW;
}

/** The entries an unanswered streak is counted from: calls for someone due. */
const COUNTS_AS_IGNORED: ReadonlySet<EntryReason> = new Set<EntryReason>(['overdue', 'back']);

/** The contact's call entry in the nudge of `date`, if that nudge named them. */
function calledOn(recent: readonly PastEntry[] | undefined, date: LocalDate | undefined): PastEntry | undefined {
  if (date === undefined) return undefined;
  return recent?.find((e) => e.date === date && CALL_REASONS.has(e.reason));
}

type Turn = 'again' | 'fresh' | 'rested';

/** Rotation rule (see the file comment): whose turn it is among the cadence picks. */
export function turnOf(recent: readonly PastEntry[] | undefined, lastNudges: readonly LocalDate[]): Turn {
  const previous = calledOn(recent, lastNudges[0]);
  if (previous !== undefined) return isUnanswered(previous) ? 'rested' : 'fresh';
  const before = calledOn(recent, lastNudges[1]);
  return before !== undefined && isUnanswered(before) ? 'again' : 'fresh';
}

const TURN_ORDER: readonly Turn[] = ['again', 'fresh', 'rested'];

/** Nudge choice rule (see the file comment): the day's picks from the ranked agenda. */
export function chooseNudge(agenda: readonly AgendaItem[], count: number, history: NudgeHistory): NudgeChoice {
  const choice: NudgeChoice = { picks: [], followUps: [], tierQuestions: [], staleQuestions: [], ignoredQuestions: [] };
  const overdue: AgendaItem[] = [];
  const early: AgendaItem[] = [];
  for (const item of agenda) {
    if (item.reason === 'followup') {
      const list = item.followUp?.stage === 'tier' ? choice.tierQuestions : item.stale ? choice.staleQuestions : choice.followUps;
      list.push(item);
      continue;
    }
    // Only someone due is asked about; a reminder or a promise always comes as it is.
    if (item.reason === 'overdue' && isIgnoredStreak(history.recent.get(item.contact.id), item.contact.lastTouchOn)) {
      choice.ignoredQuestions.push(item.contact);
      continue;
    }
    if (item.reason === 'reminder' || item.reason === 'back') choice.picks.push(item);
    else (item.reason === 'overdue' ? overdue : early).push(item);
  }

  const inTurn = (items: AgendaItem[]) =>
    TURN_ORDER.flatMap((turn) => items.filter((item) => turnOf(history.recent.get(item.contact.id), history.lastNudges) === turn));
  const cadencePicks = [...inTurn(overdue), ...inTurn(early)];
  const isOverdue = (item: AgendaItem) => item.overdueDays !== null && item.overdueDays >= 0 && item.contact.tier !== 'C' && item.contact.tier !== 'D';

  let taken = 0;
  for (const item of cadencePicks) {
    if (choice.picks.length >= count) break;
    choice.picks.push(item);
    taken++;
  }
  // While anyone is overdue, someone overdue is named: reminders and promises never crowd them all out.
  const firstOverdue = cadencePicks[0];
  if (!choice.picks.some(isOverdue) && firstOverdue !== undefined && isOverdue(firstOverdue) && taken === 0) choice.picks.push(firstOverdue);
  // Someone overdue whose turn comes again is named even when reminders and promises took the calls:
  // at most as many as the nudge before last named, so the count is exceeded only by what was promised.
  for (const item of overdue) {
    if (!choice.picks.includes(item) && turnOf(history.recent.get(item.contact.id), history.lastNudges) === 'again') choice.picks.push(item);
  }
  return choice;
}

/** True when the nudge has anything to say. */
export function isEmptyChoice(choice: NudgeChoice): boolean {
  return (
    choice.picks.length + choice.followUps.length + choice.tierQuestions.length + choice.staleQuestions.length + choice.ignoredQuestions.length === 0
  );
}
