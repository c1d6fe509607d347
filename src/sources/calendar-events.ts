/**
 * Reading an iCalendar text into the event occurrences of a time window.
 * Pure: text and window in, occurrences out (ical.js parses; no I/O, no clock).
 *
 * - Recurring events are expanded (RRULE, RDATE, EXDATE), each occurrence
 *   keyed by UID and its recurrence id (the original start), so a moved
 *   occurrence (a RECURRENCE-ID override) keeps its key and a cancelled one
 *   (STATUS:CANCELLED on the override or the event) is marked.
 * - Times: UTC as given; a TZID that names an IANA zone is read with the full
 *   rules of that zone; any other TZID (Outlook's "W. Europe Standard Time")
 *   by the VTIMEZONE the file itself carries; floating times in `floatingZone`
 *   (the user's). VTIMEZONEs are used for this file only, never registered
 *   globally, so one user's calendar cannot change how another's is read.
 * - Bounded: at most `maxIterations` steps per recurring event and
 *   `maxOccurrences` in all, so a FREQ=SECONDLY rule cannot run away.
 */
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { isValidTimeZone } from '../core/dates.ts';
import type { LocalDate } from '../core/types.ts';

export interface Attendee {
  /** Lower case, without `mailto:`. */
  email: string;
  /** ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION, … (upper case; NEEDS-ACTION when absent). */
  partstat: string;
}

export interface EventOccurrence {
  /** `UID|recurrence id` (`UID|` for a single event): one occurrence of one event, stable when it moves. */
  key: string;
  uid: string;
  /** Instants, ISO-8601 UTC. An all-day event runs from its first day's midnight in `floatingZone`. */
  start: string;
  end: string;
  allDay: boolean;
  /** The date of an all-day event as written (no zone); null for timed events. */
  startDate: LocalDate | null;
  title: string;
  attendees: Attendee[];
  organizer: string | null;
  cancelled: boolean;
  /** CLASS:PRIVATE or CLASS:CONFIDENTIAL. */
  private: boolean;
}

export interface CalendarRead {
  occurrences: EventOccurrence[];
  /** X-WR-CALNAME when it is an address (Google names the primary calendar by its owner's address). */
  ownerHint: string | null;
  /** More occurrences than `maxOccurrences` were in the window; the rest were left out. */
  truncated: boolean;
}

export interface ReadOptions {
  /** Occurrences that end after `from` and start before `to` (ISO instants). */
  from: string;
  to: string;
  floatingZone: string;
  maxOccurrences?: number;
  maxIterations?: number;
}

/** The text is not an iCalendar file ical.js can read. */
export class CalendarUnreadable extends Error {
  override readonly name = 'CalendarUnreadable';
}

const MAX_TITLE = 300;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

type Zones = Map<string, ICAL.Timezone>;

function emailOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const address = value.replace(/^mailto:/i, '').trim().toLowerCase();
  return EMAIL.test(address) ? address : null;
}

/** The instant (ms) a DATE-TIME value means; all-day DATE values start at midnight in the floating zone. */
function instantOf(time: ICAL.Time, zones: Zones, floatingZone: string): number {
  const tzid = time.zone?.tzid;
  if (tzid === 'UTC' || tzid === 'Z') return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  const local = { year: time.year, month: time.month, day: time.day, hour: time.isDate ? 0 : time.hour, minute: time.isDate ? 0 : time.minute, second: time.isDate ? 0 : time.second };
  if (tzid && tzid !== 'floating' && !time.isDate) {
    if (isValidTimeZone(tzid)) return DateTime.fromObject(local, { zone: tzid }).toMillis();
    const own = zones.get(tzid);
    if (own) {
      const copy = time.clone();
      copy.zone = own;
      return copy.toUnixTime() * 1000;
    }
  }
  return DateTime.fromObject(local, { zone: floatingZone }).toMillis();
}

function dateOf(time: ICAL.Time): LocalDate {
  return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

function attendeesOf(component: ICAL.Component): Attendee[] {
  return component.getAllProperties('attendee').flatMap((p) => {
    const email = emailOf(p.getFirstValue()) ?? emailOf(p.getParameter('email'));
    if (!email) return [];
    const partstat = p.getParameter('partstat');
    return [{ email, partstat: typeof partstat === 'string' ? partstat.toUpperCase() : 'NEEDS-ACTION' }];
  });
}

function textOf(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : '';
}

/** The parts of one occurrence that come from the component describing it (the master or an override). */
function describe(component: ICAL.Component) {
  const status = textOf(component, 'status').toUpperCase();
  const klass = textOf(component, 'class').toUpperCase();
  return {
    title: textOf(component, 'summary').slice(0, MAX_TITLE),
    attendees: attendeesOf(component),
    organizer: emailOf(component.getFirstPropertyValue('organizer')),
    cancelled: status === 'CANCELLED',
    private: klass === 'PRIVATE' || klass === 'CONFIDENTIAL',
  };
}

/** Reads the occurrences of every event in `text` that overlap the window. */
export function readCalendar(text: string, options: ReadOptions): CalendarRead {
  let root: ICAL.Component;
  try {
    const parsed: unknown = ICAL.parse(text);
    const first = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
    root = new ICAL.Component(first as unknown[]);
  } catch (error) {
    throw new CalendarUnreadable(error instanceof Error ? error.message.slice(0, 200) : 'unreadable');
  }
  if (root.name !== 'vcalendar') throw new CalendarUnreadable('not a VCALENDAR');
  const zones: Zones = new Map();
  for (const vtz of root.getAllSubcomponents('vtimezone')) {
    try {
      const zone = new ICAL.Timezone(vtz);
      if (zone.tzid) zones.set(zone.tzid, zone);
    } catch {
      // A broken VTIMEZONE: its times are read as floating.
    }
  }
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  const maxOccurrences = options.maxOccurrences ?? 50_000;
  const maxIterations = options.maxIterations ?? 20_000;
  const out: EventOccurrence[] = [];
  let truncated = false;

  // Masters and their overrides, by UID.
  const byUid = new Map<string, { master?: ICAL.Component; overrides: ICAL.Component[] }>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const uid = textOf(vevent, 'uid');
    if (!uid) continue;
    const entry = byUid.get(uid) ?? { overrides: [] };
    if (vevent.hasProperty('recurrence-id')) entry.overrides.push(vevent);
    else entry.master ??= vevent;
    byUid.set(uid, entry);
  }

  const push = (uid: string, recurrenceId: ICAL.Time | null, start: ICAL.Time, end: ICAL.Time, component: ICAL.Component, masterCancelled: boolean) => {
    const startMs = instantOf(start, zones, options.floatingZone);
    let endMs = instantOf(end, zones, options.floatingZone);
    if (!(endMs > startMs)) endMs = start.isDate ? startMs + 86_400_000 : startMs;
    if (endMs <= from || startMs >= to) return;
    if (out.length >= maxOccurrences) {
      truncated = true;
      return;
    }
    const described = describe(component);
    out.push({
      key: `${uid}|${recurrenceId ? recurrenceId.toString() : ''}`,
      uid,
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      allDay: start.isDate,
      startDate: start.isDate ? dateOf(start) : null,
      ...described,
      cancelled: described.cancelled || masterCancelled,
    });
  };

  for (const [uid, { master, overrides }] of byUid) {
    try {
      if (!master) {
        // Only overrides (an invitation to one occurrence): each stands alone.
        for (const o of overrides) {
          const event = new ICAL.Event(o, { strictExceptions: true, exceptions: [] });
          push(uid, event.recurrenceId, event.startDate, event.endDate, o, false);
        }
        continue;
      }
      // Exceptions given explicitly: left to itself, ical.js scans every VEVENT of the
      // calendar for each event (quadratic) and relates other UIDs' overrides too.
      const event = new ICAL.Event(master, { strictExceptions: true, exceptions: overrides });
      const masterCancelled = describe(master).cancelled;
      if (!event.isRecurring()) {
        push(uid, null, event.startDate, event.endDate, master, false);
        continue;
      }
      const iterator = event.iterator();
      for (let step = 0; step < maxIterations; step++) {
        const next = iterator.next();
        if (!next) break;
        const details = event.getOccurrenceDetails(next);
        // Occurrences are in order of their original start; past the window, the rest are too
        // (an override moved into the window from later is rare and read on a later sync).
        if (instantOf(details.recurrenceId, zones, options.floatingZone) >= to && instantOf(details.startDate, zones, options.floatingZone) >= to) break;
        push(uid, details.recurrenceId, details.startDate, details.endDate, details.item.component, masterCancelled);
      }
    } catch {
      // One malformed event is left out; the rest of the calendar still counts.
    }
  }
  const name = textOf(root, 'x-wr-calname');
  return { occurrences: out, ownerHint: emailOf(name), truncated };
}
