/**
 * One sync of one claimed source: read it (network, outside any
 * transaction), then — in one transaction — match what was read against the
 * user's contacts, plan, write the touches as one undo step, move the
 * mailbox cursors on and record the result under the claim. A crash, a kill
 * or a lost claim before the commit leaves everything as it was; the next
 * sync reads the same again and, item by item, logs nothing twice.
 */
import type { Kysely } from 'kysely';
import { addDays, localDateOf } from '../core/dates.ts';
import { encodeLabel } from '../store/undo-label.ts';
import { withChange } from '../store/change.ts';
import { addressBook } from '../store/contact-emails.ts';
import type { DB } from '../store/schema.ts';
import { applySyncPlan, knownItems } from '../store/source-items.ts';
import { cursorsOf, finishSync, saveCursor, type ClaimedSource } from '../store/sources.ts';
import { getUserById, type User } from '../store/users.ts';
import { readCalendar, type EventOccurrence } from './calendar-events.ts';
import type { HttpLimits } from './http.ts';
import type { FolderRead } from './mailbox.ts';
import { contactsOfEvent, contactsOfMail, titleMatcher } from './match.ts';
import { SourceError, type SyncSummary } from './model.ts';
import { planCounts, planSync, type Observation } from './plan.ts';
import { SecretUnreadable, type SecretBox } from './secret-box.ts';

export interface SyncLimits {
  http: HttpLimits;
  /** Bytes one CalDAV sync may read in all its requests. */
  caldavBytes: number;
  /** Ended events and mails this many days back count (the first sync logs them too). */
  lookbackDays: number;
  /** Upcoming events this many days ahead are kept for "today's meetings". */
  aheadDays: number;
  maxMailsPerFolder: number;
  imapTimeoutMs: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
  http: { maxBytes: 20 * 1024 * 1024, timeoutMs: 30_000, maxRedirects: 5, allowPrivate: false },
  caldavBytes: 50 * 1024 * 1024,
  lookbackDays: 30,
  aheadDays: 2,
  maxMailsPerFolder: 20_000,
  imapTimeoutMs: 30_000,
};

/** The operator's mailbox password lives in the environment, not in the database. */
export interface EnvSecrets {
  operatorMailboxPassword?: string;
}

export interface SyncContext {
  db: Kysely<DB>;
  box: SecretBox | undefined;
  limits: SyncLimits;
  env: EnvSecrets;
}

function secretOf(ctx: SyncContext, source: ClaimedSource): string {
  if (source.origin === 'env') {
    if (!ctx.env.operatorMailboxPassword) throw new SourceError('auth_failed', 'the operator mailbox is no longer configured');
    return ctx.env.operatorMailboxPassword;
  }
  if (source.sealed === null) throw new SourceError('auth_failed', 'no credentials stored');
  if (!ctx.box) throw new SourceError('no_secret_key');
  try {
    return ctx.box.open(source.userId, source.sealed);
  } catch (error) {
    if (error instanceof SecretUnreadable) throw new SourceError('secret_unreadable', error.reason);
    throw error;
  }
}

type Read = { kind: 'calendar'; texts: string[]; from: string; to: string } | { kind: 'mail'; folders: FolderRead[] };

/** Reads the source over the network. Throws SourceError; changes nothing. */
async function readSource(ctx: SyncContext, source: ClaimedSource, now: Date): Promise<Read> {
  const secret = secretOf(ctx, source);
  // The IMAP and CalDAV clients load when a source of their kind is first synced, not at every start.
  const { fetchCaldav, fetchIcal } = await import('./calendar-fetch.ts');
  const { readMailbox } = await import('./mailbox.ts');
  const from = new Date(now.getTime() - ctx.limits.lookbackDays * 86_400_000).toISOString();
  const to = new Date(now.getTime() + ctx.limits.aheadDays * 86_400_000).toISOString();
  switch (source.kind) {
    case 'ical':
      return { kind: 'calendar', texts: [await fetchIcal(secret, ctx.limits.http)], from, to };
    case 'caldav':
      if (!source.host || !source.username) throw new SourceError('failed', 'CalDAV source without URL or user');
      return { kind: 'calendar', texts: await fetchCaldav({ url: source.host, username: source.username, password: secret }, { from, to }, ctx.limits.http, ctx.limits.caldavBytes), from, to };
    case 'imap': {
      if (!source.host || !source.username) throw new SourceError('failed', 'mailbox without host or user');
      const cursors = await cursorsOf(ctx.db, source.userId, source.id);
      const folders = await readMailbox(
        { host: source.host, port: source.options.port ?? 993, tls: source.options.tls ?? 'implicit', user: source.username, password: secret },
        cursors,
        { inbox: source.options.inbox === true, since: from, maxMails: ctx.limits.maxMailsPerFolder, timeoutMs: ctx.limits.imapTimeoutMs, allowPrivate: ctx.limits.http.allowPrivate },
      );
      return { kind: 'mail', folders };
    }
  }
}

const isAddress = (text: string | null | undefined): text is string => !!text && /^[^\s@]+@[^\s@]+$/.test(text);

/** The user's own addresses: account names that are addresses, and what they told keepwarm. */
async function selfAddresses(db: Kysely<DB>, source: ClaimedSource, hints: (string | null)[]): Promise<Set<string>> {
  const others = await db.selectFrom('sources').select(['username', 'options']).where('user_id', '=', source.userId).execute();
  const self = new Set<string>();
  const add = (a: string | null | undefined) => isAddress(a) && self.add(a.trim().toLowerCase());
  for (const row of others) {
    add(row.username);
    try {
      for (const a of (JSON.parse(row.options) as { self?: unknown }).self as string[] ?? []) add(a);
    } catch {
      // Unreadable options add nothing.
    }
  }
  add(source.username);
  for (const hint of hints) add(hint);
  return self;
}

function calendarObservations(read: Extract<Read, { kind: 'calendar' }>, rules: Parameters<typeof contactsOfEvent>[1], user: User, now: Date): { observations: Observation[]; read: number } {
  const occurrences: EventOccurrence[] = [];
  for (const text of read.texts) occurrences.push(...readCalendar(text, { from: read.from, to: read.to, floatingZone: user.timeZone }).occurrences);
  const observations: Observation[] = [];
  for (const event of occurrences) {
    const matched = contactsOfEvent(event, rules);
    if (!('contacts' in matched)) continue;
    const on = event.allDay && event.startDate ? event.startDate : localDateOf(event.start, user.timeZone);
    for (const contactId of matched.contacts) {
      observations.push({
        key: `event:${event.key}`,
        contactId,
        kind: 'meeting',
        on,
        startsAt: event.allDay ? null : event.start,
        allDay: event.allDay,
        ended: Date.parse(event.end) <= now.getTime(),
      });
    }
  }
  return { observations, read: occurrences.length };
}

export interface SourceSyncOutcome {
  summary: SyncSummary;
}

/**
 * Syncs one claimed source. Resolves with what it did, or throws SourceError
 * (nothing changed), ClaimLost (another instance took over; nothing changed)
 * or an unexpected error (nothing changed).
 */
export async function syncSource(ctx: SyncContext, source: ClaimedSource, now: Date, nextAt: Date): Promise<SourceSyncOutcome> {
  const user = await getUserById(ctx.db, source.userId);
  if (!user) throw new SourceError('failed', 'user gone');
  const read = await readSource(ctx, source, now);
  const label = encodeLabel({ key: 'sync', name: source.name });
  return withChange(ctx.db, { id: user.id, cadences: user.cadences }, now, label, async (change) => {
    const tx = change.tx;
    const book = await addressBook(tx, user.id);
    let observations: Observation[];
    let count: number;
    let completeFrom: string | null = null;
    if (read.kind === 'calendar') {
      const contacts = await tx.selectFrom('contacts').select(['id', 'name']).where('user_id', '=', user.id).execute();
      const hints = read.texts.map((t) => /^X-WR-CALNAME:(.*)$/im.exec(t.slice(0, 4096))?.[1]?.trim() ?? null);
      const rules = { book, titles: titleMatcher(contacts), self: await selfAddresses(tx, source, hints), skipPrivate: source.options.skipPrivate === true };
      ({ observations, read: count } = calendarObservations(read, rules, user, now));
      // Everything dated from the day after the window's start was read: what is missing there is gone.
      completeFrom = addDays(localDateOf(read.from, user.timeZone), 1);
    } else {
      const self = await selfAddresses(tx, source, []);
      observations = [];
      count = 0;
      for (const folder of read.folders) {
        count += folder.mails.length;
        for (const mail of folder.mails) {
          for (const contactId of contactsOfMail(mail, folder.folder, book, self)) {
            observations.push({ key: `mail:${mail.messageId}`, contactId, kind: 'email', on: localDateOf(mail.date, user.timeZone), startsAt: null, allDay: false, ended: true });
          }
        }
      }
    }
    const known = await knownItems(tx, user.id, source.id, observations.map((o) => o.key), completeFrom);
    const plan = planSync({ sourceId: source.id, observations, known, completeFrom });
    await applySyncPlan(change, source.id, plan);
    if (read.kind === 'mail') {
      for (const f of read.folders) await saveCursor(tx, user.id, source.id, { folder: f.folder, path: f.path, uidValidity: f.uidValidity, lastUid: f.lastUid });
    }
    const summary: SyncSummary = { ...planCounts(plan), read: count };
    await finishSync(tx, source, summary, now, nextAt);
    return { summary };
  });
}
