/**
 * Birthdays in the nudge (DESIGN §1: occasions are the best reasons to call):
 * whom to greet today — on the day, or on the working day before when it
 * falls on a day off or a public holiday of the user's region — and, on Mondays, the week's birthdays of A and B
 * contacts. Added to nudges composed elsewhere; they never take a call's place.
 */
import type { Kysely, Transaction } from 'kysely';
import { addressed, toSalutation } from '../core/honorifics.ts';
import { birthdayGreetingsOn, birthdaysInWeek, type BirthdayEntry } from '../core/birthday.ts';
import { isoWeekday } from '../core/dates.ts';
import type { BirthdayView, NudgeModel } from '../core/nudge-model.ts';
import type { LocalDate } from '../core/types.ts';
import { birthdayContacts, type BirthdayRow } from '../store/birthdays.ts';
import type { DB } from '../store/schema.ts';
import type { User } from '../store/users.ts';
import { holidayCalendar, type HolidayCalendar } from '../holidays/index.ts';
import { birthdayWorkingDays } from './working-day.ts';

function view(entry: BirthdayEntry<BirthdayRow>): BirthdayView {
  const salutation = toSalutation(entry.contact.salutation);
  return {
    contactId: entry.contact.id,
    name: entry.contact.name,
    tier: entry.contact.tier,
    addressed: salutation ? addressed(salutation) : null,
    on: entry.on,
    turns: entry.turns,
  };
}

/** The birthday parts of one user's nudge for `today` (pure). */
export function birthdayParts(
  contacts: readonly BirthdayRow[],
  user: User,
  today: LocalDate,
  kind: NudgeModel['kind'],
  calendar: HolidayCalendar,
): Pick<NudgeModel, 'birthdays' | 'weekBirthdays'> {
  const isWorkingDay = birthdayWorkingDays(calendar, user);
  const greet = birthdayGreetingsOn(contacts, today, { isWorkingDay }).map(view);
  const week = kind === 'daily' && isoWeekday(today) === 1 ? birthdaysInWeek(contacts, today, { isWorkingDay }).map(view) : [];
  return { ...(greet.length > 0 ? { birthdays: greet } : {}), ...(week.length > 0 ? { weekBirthdays: week } : {}) };
}

/** Adds today's birthdays (and on Mondays the week's) to composed nudge models, in place. */
export async function addBirthdays(
  db: Kysely<DB> | Transaction<DB>,
  users: readonly User[],
  models: ReadonlyMap<number, { model: NudgeModel }>,
  today: LocalDate,
  kind: NudgeModel['kind'],
): Promise<void> {
  const byUser = await birthdayContacts(db, users.filter((u) => models.has(u.id)).map((u) => u.id));
  if (byUser.size === 0) return;
  const calendar = await holidayCalendar();
  for (const user of users) {
    const composed = models.get(user.id);
    const contacts = byUser.get(user.id);
    if (!composed || !contacts) continue;
    Object.assign(composed.model, birthdayParts(contacts, user, today, kind, calendar));
  }
}

/** True when the nudge has a birthday to greet: worth sending even without a call. */
export function hasBirthdays(model: NudgeModel): boolean {
  return (model.birthdays?.length ?? 0) > 0;
}
