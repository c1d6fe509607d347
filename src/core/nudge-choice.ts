/**
 * Who the daily nudge names (docs/design.md §3): today's agenda cut to the
 * user's 1–3 calls, with the rules that keep it from nagging.
 *
 * - Follow-ups of new acquaintances are quick notes, not calls: all of them
 *   come along and none counts against the cap. Their last step, "confirm
 *   the tier", is a question of its own.
 * - Reminders due and contacts past their cadence fill the 1–3 places, in
 *   agenda order (reminders first, then the overdue ranking).
 * - Nobody is picked for their cadence two nudges running; follow-ups and
 *   reminders are exempt, the user asked for those.
 * - Someone whose last three picks went unanswered is asked about instead —
 *   keep, move to C, or archive — and not picked that day.
 */
import type { AgendaItem } from './agenda.ts';
import type { ContactFacts } from './contact.ts';

export type EntryReason = 'followup' | 'reminder' | 'overdue' | 'ignored';
export type EntryState = 'open' | 'done' | 'attempt' | 'skipped' | 'snoozed' | 'ignored';

export interface PastEntry {
  reason: EntryReason;
  state: EntryState;
}

export interface NudgeHistory {
  /** Contacts picked for their cadence in the user's previous nudge. */
  previousPicks: ReadonlySet<number>;
  /** Each contact's latest nudge entries, newest first. */
  recent: ReadonlyMap<number, readonly PastEntry[]>;
}

export interface NudgeChoice {
  /** Reminders and overdue contacts: the calls of the day, at most `count`. */
  picks: AgendaItem[];
  /** Due first and second follow-ups, any number. */
  followUps: AgendaItem[];
  /** Follow-up track's last step: confirm or change the tier. */
  tierQuestions: AgendaItem[];
  /** Ignored three nudges in a row: keep, move to C, or archive? */
  ignoredQuestions: ContactFacts[];
}

/** Picks left unanswered in a row before keepwarm asks whether to keep the person. */
const IGNORED_IN_A_ROW = 3;

/**
 * Ignore rule: the contact's most recent picks were all left open, at least
 * three of them, and they have not been asked about since. An answered entry
 * or an earlier question ends the streak.
 */
export function isIgnoredStreak(recent: readonly PastEntry[] | undefined): boolean {
  let streak = 0;
  for (const entry of recent ?? []) {
    if (entry.reason === 'ignored' || entry.state !== 'ignored') break;
    streak++;
  }
  return streak >= IGNORED_IN_A_ROW;
}

/** Nudge choice rule (see the file comment): the day's picks from the ranked agenda. */
export function chooseNudge(agenda: readonly AgendaItem[], count: number, history: NudgeHistory): NudgeChoice {
  const choice: NudgeChoice = { picks: [], followUps: [], tierQuestions: [], ignoredQuestions: [] };
  for (const item of agenda) {
    if (item.reason === 'followup') {
      (item.followUp?.stage === 'tier' ? choice.tierQuestions : choice.followUps).push(item);
      continue;
    }
    if (isIgnoredStreak(history.recent.get(item.contact.id))) {
      choice.ignoredQuestions.push(item.contact);
      continue;
    }
    if (item.reason === 'overdue' && history.previousPicks.has(item.contact.id)) continue;
    if (choice.picks.length < count) choice.picks.push(item);
  }
  return choice;
}

/** True when the nudge has anything to say. */
export function isEmptyChoice(choice: NudgeChoice): boolean {
  return choice.picks.length + choice.followUps.length + choice.tierQuestions.length + choice.ignoredQuestions.length === 0;
}
