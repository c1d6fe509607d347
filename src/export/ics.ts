/**
 * /export ics: an iCalendar file (RFC 5545) for the user's calendar app — each
 * active A and B contact on the day they are next due, each open reminder on
 * its day, as all-day events. UIDs are stable (user and contact or reminder
 * id), so importing a newer file updates the events instead of doubling them.
 * ical-generator writes it: escaping, 75-octet folding, DTSTAMP.
 *
 * The day of a contact: the cadence's due date (nextDueOn); a snooze moves it
 * to the end of the snooze; a day already past becomes today — an overdue
 * contact is due now, and a calendar entry in the past would go unseen.
 *
 * Birthdays: each active contact's (of the chosen tiers) as a yearly
 * recurring all-day event. With the year known it starts on the day of
 * birth; without, on this year's birthday. 29 February recurs on the last
 * day of February (`BYMONTHDAY=-1`): the 28th in other years, as the nudge
 * greets it (src/core/birthday.ts).
 */
import ical, { ICalEventRepeatingFreq } from 'ical-generator';
import { birthdayIn, parseBirthday } from '../core/birthday.ts';
import { nextDueOn } from '../core/cadence.ts';
import type { LocalDate, Tier } from '../core/types.ts';
import type { ExportData } from './data.ts';

export interface IcsTexts {
  calendarName: string;
  due: (name: string, tier: Tier) => string;
  reminder: (name: string, text: string | null) => string;
  birthday: (name: string) => string;
  /** Details of a due contact: company, role, place, last contact. */
  details: (contact: { company: string | null; role: string | null; place: string | null; lastTouchOn: string | null }) => string;
}

export interface IcsOptions {
  userId: number;
  today: LocalDate;
  now: Date;
  tiers?: readonly Tier[];
  texts: IcsTexts;
}

function day(date: LocalDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function toIcs(data: ExportData, options: IcsOptions): string {
  const { texts, today, userId } = options;
  const chosen = (tier: string) => !options.tiers?.length || (options.tiers as readonly string[]).includes(tier);
  const calendar = ical({ prodId: { company: 'keepwarm', product: 'keepwarm', language: 'EN' }, name: texts.calendarName });
  const events: { date: LocalDate; add: () => void }[] = [];
  for (const c of data.contacts) {
    if (c.status !== 'active' || !chosen(c.tier)) continue;
    if (c.tier === 'A' || c.tier === 'B') {
      const due = nextDueOn({ tier: c.tier, cadenceDays: c.cadenceDays, lastTouchOn: c.lastTouchOn, metOn: c.metOn, createdOn: c.createdOn }, data.settings.cadences);
      if (due !== null) {
        let date = c.snoozedUntil && c.snoozedUntil > due ? c.snoozedUntil : due;
        if (date < today) date = today;
        const tier = c.tier;
        events.push({
          date,
          add: () =>
            calendar.createEvent({
              id: `keepwarm-due-${userId}-${c.id}@keepwarm`,
              start: day(date),
              allDay: true,
              stamp: options.now,
              summary: texts.due(c.name, tier),
              description: texts.details(c),
            }),
        });
      }
    }
    const birthday = parseBirthday(c.birthday);
    if (birthday) {
      const start = birthday.year !== null ? birthdayIn(birthday, birthday.year) : birthdayIn(birthday, Number(today.slice(0, 4)));
      const leapDay = birthday.month === 2 && birthday.day === 29;
      events.push({
        date: start,
        add: () =>
          calendar.createEvent({
            id: `keepwarm-birthday-${userId}-${c.id}@keepwarm`,
            start: day(start),
            allDay: true,
            stamp: options.now,
            summary: texts.birthday(c.name),
            repeating: leapDay ? { freq: ICalEventRepeatingFreq.YEARLY, byMonth: [2], byMonthDay: [-1] } : { freq: ICalEventRepeatingFreq.YEARLY },
          }),
      });
    }
    for (const r of c.reminders) {
      events.push({
        date: r.due,
        add: () =>
          calendar.createEvent({
            id: `keepwarm-reminder-${userId}-${r.id}@keepwarm`,
            start: day(r.due),
            allDay: true,
            stamp: options.now,
            summary: texts.reminder(c.name, r.text),
          }),
      });
    }
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).forEach((e) => e.add());
  return calendar.toString();
}
