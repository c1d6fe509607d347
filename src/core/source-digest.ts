/**
 * What calendars and mailboxes add to the morning nudge (docs/sources.md):
 * what they logged since the last nudge ("🔄 logged by themselves since
 * yesterday: 2 meetings, 3 mails (Anna Keller, Tom Berger, …)") and today's
 * meetings with contacts ("📅 today: 14:00 Anna Keller — last talked 3 months
 * ago; talk about: …"), so the user can prepare — find out about the person
 * before you meet (docs/design.md §1). Pure: the store gathers, this decides.
 */
import { localTimeOf } from './dates.ts';
import type { LocalDate } from './types.ts';

/** Names shown in the summary line before "…". */
const NAMES_SHOWN = 3;
/** Today's meetings shown at most (a day of back-to-back meetings stays one screen). */
const MEETINGS_SHOWN = 6;

export interface SourceDigest {
  logged?: { meetings: number; mails: number; names: string[]; more: number };
  today: { time: string | null; name: string; lastTalked: LocalDate | null; note: string | null }[];
}

export interface DigestInput {
  /** Touches sources logged since the last nudge, oldest first. */
  logged: { contactId: number; kind: string }[];
  /** Today's meetings with contacts, earliest first (all-day ones have no start). */
  events: { contactId: number; startsAt: string | null; allDay: boolean }[];
  contacts: ReadonlyMap<number, { name: string; lastTouchOn: LocalDate | null }>;
  notes: ReadonlyMap<number, string>;
  timeZone: string;
  today: LocalDate;
}

/** The digest, or undefined when there is nothing to say (the nudge then stays as it was). */
export function buildSourceDigest(input: DigestInput): SourceDigest | undefined {
  const nameOf = (id: number) => input.contacts.get(id)?.name;
  const names = [...new Set(input.logged.map((t) => t.contactId))].map(nameOf).filter((n): n is string => n !== undefined);
  const meetings = input.logged.filter((t) => t.kind === 'meeting').length;
  const mails = input.logged.filter((t) => t.kind === 'email').length;

  const seen = new Set<number>();
  const today: SourceDigest['today'] = [];
  for (const event of input.events) {
    const contact = input.contacts.get(event.contactId);
    // One line per contact: a second meeting with them adds nothing to prepare.
    if (!contact || seen.has(event.contactId) || today.length === MEETINGS_SHOWN) continue;
    seen.add(event.contactId);
    // "last talked" means before today: today's meeting itself may already be logged.
    const lastTalked = contact.lastTouchOn !== null && contact.lastTouchOn < input.today ? contact.lastTouchOn : null;
    today.push({ time: event.allDay || event.startsAt === null ? null : localTimeOf(event.startsAt, input.timeZone), name: contact.name, lastTalked, note: input.notes.get(event.contactId) ?? null });
  }
  if (meetings + mails === 0 && today.length === 0) return undefined;
  return {
    ...(meetings + mails > 0 ? { logged: { meetings, mails, names: names.slice(0, NAMES_SHOWN), more: Math.max(0, names.length - NAMES_SHOWN) } } : {}),
    today,
  };
}
