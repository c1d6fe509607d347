/**
 * A nudge as data: who it names and why, frozen when it was planned, so the
 * message can be drawn again (in place) after each answer.
 */
import type { AgendaItem } from './agenda.ts';
import type { FollowUpStage } from './contact.ts';
import type { EntryReason, EntryState, NudgeChoice } from './nudge-choice.ts';
import type { LocalDate, Tier } from './types.ts';
import type { WeekSummary } from './week-summary.ts';
import type { SourceDigest } from './source-digest.ts';

export interface NudgeEntryView {
  contactId: number;
  name: string;
  tier: Tier;
  reason: EntryReason;
  stage?: FollowUpStage;
  daysSince: number;
  /** No touch logged yet (daysSinceLastTouch): the line says so rather than counting from the day the contact was added. */
  noContactYet?: true;
  place: string | null;
  metOn: LocalDate | null;
  /** The newest note: the conversation hook. */
  note?: string;
  reminderText?: string | null;
  reminderDue?: LocalDate;
  /** 'back': the day keepwarm promised. */
  backOn?: LocalDate;
  /** Days past the cadence (0 = due today); negative for an early pick. Absent for C and D. */
  overdueDays?: number;
  /** The cadence's due date. */
  dueOn?: LocalDate;
  /** Follow-up: its date, and whether it is past 48 hours. */
  followUpDue?: LocalDate;
  late?: boolean;
  lost: boolean;
}

/** A birthday the nudge names (src/nudge/birthdays.ts). */
export interface BirthdayView {
  contactId: number;
  name: string;
  tier: Tier;
  /** Whom the greeting line speaks of ("her", "his"); null: the name alone. */
  addressed: 'female' | 'male' | 'neutral' | null;
  /** The birthday itself; the nudge that greets it may come a working day or two before. */
  on: LocalDate;
  /** The age turned, when the year of birth is known. */
  turns: number | null;
}

export interface NudgeModel {
  /** The local date the nudge is for. */
  date: LocalDate;
  /** The morning message, or a /today list asked for on demand. */
  kind: 'daily' | 'today';
  /** Mondays: last week in one line. */
  week?: WeekSummary;
  /** Half a year since the last review: invite to /review. */
  reviewInvite: boolean;
  /** Birthdays to greet today, outside the count of calls (absent: none). */
  birthdays?: BirthdayView[];
  /** Mondays: the week's birthdays of A and B contacts. */
  weekBirthdays?: BirthdayView[];
  entries: NudgeEntryView[];
  /** What calendars and mailboxes logged, and today's meetings with contacts (src/nudge/source-digest.ts). */
  sources?: SourceDigest;
}

/**
 * What an answer showed, kept with the entry so the message is drawn the same
 * way however often it is redrawn: the next due date after "done" (or the
 * next step of the follow-up track), the day a snoozed or unreached person
 * comes back, the tier confirmed or chosen.
 */
export interface EntryDetail {
  nextDue?: LocalDate;
  nextStage?: FollowUpStage;
  until?: LocalDate;
  tier?: Tier;
  /** The tier answer changed the tier (not just confirmed it). */
  tierChanged?: boolean;
}

/** How each entry was answered, by contact id; absent means open. */
export type EntryStates = ReadonlyMap<number, { state: EntryState; detail?: EntryDetail }>;

function view(item: AgendaItem, reason: EntryReason, note: string | undefined): NudgeEntryView {
  const c = item.contact;
  return {
    contactId: c.id,
    name: c.name,
    tier: c.tier,
    reason,
    ...(item.followUp ? { stage: item.followUp.stage, followUpDue: item.followUp.due } : {}),
    ...(item.late ? { late: true } : {}),
    daysSince: item.daysSinceContact,
    ...(c.lastTouchOn === null ? { noContactYet: true as const } : {}),
    place: c.place,
    metOn: c.metOn,
    ...(note ? { note } : {}),
    ...(item.reminder ? { reminderText: item.reminder.text, reminderDue: item.reminder.due } : {}),
    ...(item.backOn ? { backOn: item.backOn } : {}),
    ...(item.overdueDays !== null ? { overdueDays: item.overdueDays } : {}),
    ...(item.dueOn !== null ? { dueOn: item.dueOn } : {}),
    lost: item.lost,
  };
}

/** The nudge's data from the day's choice: calls first, then follow-ups, then the questions. */
export function buildNudgeModel(input: {
  kind: NudgeModel['kind'];
  date: LocalDate;
  choice: NudgeChoice;
  /** The newest note per contact id. */
  notes: ReadonlyMap<number, string>;
  week?: WeekSummary;
  reviewInvite: boolean;
  /** Agenda items of the contacts asked about, for their days since contact. */
  agenda: readonly AgendaItem[];
}): NudgeModel {
  const { choice, notes } = input;
  const ignoredItems = choice.ignoredQuestions
    .map((c) => input.agenda.find((item) => item.contact.id === c.id))
    .filter((item): item is AgendaItem => item !== undefined);
  return {
    date: input.date,
    kind: input.kind,
    ...(input.week ? { week: input.week } : {}),
    reviewInvite: input.reviewInvite,
    entries: [
      ...choice.picks.map((item) => view(item, item.reason as EntryReason, notes.get(item.contact.id))),
      ...choice.followUps.map((item) => view(item, 'followup', notes.get(item.contact.id))),
      ...choice.tierQuestions.map((item) => view(item, 'followup', undefined)),
      ...choice.staleQuestions.map((item) => view(item, 'stale', undefined)),
      ...ignoredItems.map((item) => view(item, 'ignored', undefined)),
    ],
  };
}
