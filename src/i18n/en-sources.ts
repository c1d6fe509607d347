/** English texts about connected calendars and mailboxes (spread into en.ts). */
import type { SourceUsage } from '../commands/parse-sources.ts';
import type { Platform } from '../core/identity.ts';
import type { LocalDate } from '../core/types.ts';
import type { SourceDigest } from '../core/source-digest.ts';
import { daysBetween } from '../core/dates.ts';
import type { SourceKind, SyncFailure, SyncResult, SyncSummary } from '../sources/model.ts';
import type { Line, RichText } from '../port.ts';
import { b, code, i, l, line } from '../rich.ts';
import { formatDate } from './format.ts';

const KIND: Record<SourceKind, string> = { ical: 'calendar', caldav: 'calendar', imap: 'mailbox' };
const ICON: Record<SourceKind, string> = { ical: '📅', caldav: '📅', imap: '✉️' };

const WHY: Record<SyncFailure, string> = {
  auth_failed: 'the server does not accept the user name or password',
  unreachable: 'the server cannot be reached',
  timeout: 'the server does not answer in time',
  too_large: 'it is larger than I read (20 MB)',
  not_calendar: 'the address does not give an iCalendar file',
  http_error: 'the server answers with an error',
  tls_failed: 'a secure connection to the server cannot be made',
  private_address: 'it is on a private network this keepwarm may not reach',
  no_sent_folder: 'I cannot find its Sent folder',
  secret_unreadable: 'its stored password no longer opens (the operator changed the key)',
  no_secret_key: 'the operator has not set KEEPWARM_SECRET_KEY',
  failed: 'something went wrong while reading it',
};

/** One line of /sources, as the handler gathered it. */
export interface SourceListing {
  position: number;
  kind: SourceKind;
  name: string;
  username: string | null;
  fromOperator: boolean;
  inbox: boolean;
  skipPrivate: boolean;
  lastSync: { date: LocalDate; time: string } | null;
  lastResult: SyncResult | null;
  lastSummary: SyncSummary | null;
  failures: number;
}

/** What one sync of a source did, for /sync. */
export interface SyncReport {
  kind: SourceKind;
  name: string;
  result: SyncResult | 'busy';
  added: number;
  read: number;
}

const USAGE: Record<SourceUsage, () => RichText> = {
  calendar: () => [
    l`Send the secret address of your calendar: ${code('/calendar https://…')} (Google: Settings → your calendar → "Secret address in iCal format"; Outlook: publish the calendar, ICS link; iCloud: share as public calendar).`,
    l`A CalDAV account: ${code('/calendar caldav https://dav.example.org USER')} — I ask for the password next.`,
  ],
  caldav: () => [l`Say ${code('/calendar caldav https://dav.example.org USER')}, with the server's address and your user name; I ask for the password in the next message.`],
  mail: () => [
    l`Say ${code('/mail imap.example.org USER')} (port 993 with TLS; ${code('host:143')} for STARTTLS); I ask for the app password in the next message.`,
    l`${code('/mail inbox on')} counts mail you received from contacts too.`,
  ],
  disconnect: () => [l`Say ${code('/disconnect 1')} with the number ${code('/sources')} shows.`],
  switch: () => [l`Say ${code('on')} or ${code('off')}: ${code('/mail inbox on')}, ${code('/calendar private off')}.`],
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const summaryText = (kind: SourceKind, s: SyncSummary): string =>
  kind === 'imap' ? `${count(s.read, 'mail', 'mails')} read, ${s.added} logged` : `${count(s.read, 'event', 'events')} read, ${count(s.added, 'meeting', 'meetings')} logged`;

/** "3 months ago": the rough distance a person remembers. */
function longAgo(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.round(days / 7)} weeks ago`;
  if (days < 365) return `${Math.round(days / 30)} months ago`;
  const years = Math.floor(days / 365);
  return years === 1 ? 'over a year ago' : `over ${years} years ago`;
}

export const enSources = {
  /** The morning nudge's lines about calendars and mailboxes. */
  sourceDigest: (d: SourceDigest, today: LocalDate): Line[] => [
    ...(d.logged
      ? [
          line(
            '🔄 logged by themselves since yesterday: ',
            [d.logged.meetings > 0 ? count(d.logged.meetings, 'meeting', 'meetings') : '', d.logged.mails > 0 ? count(d.logged.mails, 'mail', 'mails') : ''].filter(Boolean).join(', '),
            ` (${[...d.logged.names, ...(d.logged.more > 0 ? ['…'] : [])].join(', ')})`,
          ),
        ]
      : []),
    ...d.today.map((m) =>
      line(
        '📅 today: ',
        m.time ? `${m.time} ` : '',
        b(m.name),
        m.lastTalked ? ` — last talked ${longAgo(daysBetween(m.lastTalked, today))}` : ' — no talk logged yet',
        m.note ? '; talk about: ' : '',
        m.note ? i(m.note) : '',
      ),
    ),
  ],
  /** Told once when a source has failed several syncs in a row. */
  sourceFailing: (kind: SourceKind, name: string, failure: SyncFailure): RichText => [
    l`⚠️ Your ${KIND[kind]} ${b(name)} has not synced for a while: ${WHY[failure]}. Nothing was changed.`,
    l`I keep trying and will not tell you again until it works once more. ${code('/sources')} shows its state.`,
  ],
  /** Why a source cannot be connected without the operator's key. */
  sourcesNeedKey: (): RichText => [l`Connecting a calendar or mailbox needs a key to keep its password encrypted, and the operator of this keepwarm has not set one (KEEPWARM_SECRET_KEY). Nothing was stored.`],
  syncFailureReason: (failure: SyncFailure): string => WHY[failure],
  sourceUsage: (usage: SourceUsage): RichText => USAGE[usage](),
  /** The question after /calendar caldav or /mail: the password comes in the next message. */
  askSourcePassword: (kind: 'caldav' | 'imap', host: string, user: string, platform: Platform): RichText => [
    l`🔑 Now send the ${kind === 'imap' ? 'app password' : 'password'} for ${b(user)} at ${b(host)} as your next message (or ${code('/cancel')}).`,
    platform === 'slack'
      ? l`It is stored encrypted and never logged. Slack does not let me delete your message, so please delete it yourself afterwards.`
      : platform === 'telegram'
        ? l`It is stored encrypted and never logged, and I delete your message from this chat.`
        : l`It is stored encrypted and never logged.`,
  ],
  passwordCancelled: (): Line => l`Cancelled — no password was stored.`,
  /** After a message that held a secret: where it can be deleted, it was. */
  secretMessageGone: (platform: Platform): Line | undefined =>
    platform === 'telegram'
      ? l`🧹 I deleted your message with the secret from this chat.`
      : platform === 'slack'
        ? l`🧹 Slack does not let me delete your message: please delete it yourself (⋯ → Delete message).`
        : undefined,
  checkingSource: (): Line => l`Checking it once now …`,
  sourceConnected: (kind: SourceKind, name: string, summary: SyncSummary): RichText => [
    l`✓ ${ICON[kind]} Connected your ${KIND[kind]} ${b(name)}: ${summaryText(kind, summary)}.`,
    summary.added > 0 ? l`I read it every 15 minutes from now on. ${code('/undo')} takes back what it just logged; ${code('/disconnect')} removes it.` : l`I read it every 15 minutes from now on.`,
  ],
  sourceNotConnected: (kind: SourceKind, name: string, failure: SyncFailure): RichText => [
    l`✗ I could not connect your ${KIND[kind]} ${b(name)}: ${WHY[failure]}. Nothing was stored or changed.`,
  ],
  sourceCheckLater: (kind: SourceKind, name: string): Line => l`✓ Connected your ${KIND[kind]} ${b(name)}; it is being read right now — ${code('/sources')} shows the result in a moment.`,
  sourcesEmpty: (): RichText => [l`No calendar or mailbox is connected.`, ...USAGE.calendar(), ...USAGE.mail()],
  sourcesList: (sources: SourceListing[], today: LocalDate): RichText => [
    l`${b('Connected')} (read every 15 minutes):`,
    ...sources.map((s) =>
      line(
        `${s.position}. ${ICON[s.kind]} `,
        b(s.name),
        s.username ? ` (${s.username})` : '',
        s.fromOperator ? ' — set up by the operator' : '',
        s.kind === 'imap' && s.inbox ? ' · inbox too' : '',
        s.kind !== 'imap' && s.skipPrivate ? ' · private events left out' : '',
        ' — ',
        s.lastSync === null
          ? 'not read yet'
          : `last read ${s.lastSync.date === today ? 'today' : formatDate(s.lastSync.date, 'en', today)} ${s.lastSync.time}: `,
        s.lastSync === null ? '' : s.lastResult === 'ok' || s.lastResult === null ? (s.lastSummary ? summaryText(s.kind, s.lastSummary) : 'ok') : `✗ ${WHY[s.lastResult]} (${s.failures}× in a row)`,
      ),
    ),
    l`${code('/disconnect N')} removes one; ${code('/sync')} reads them all now.`,
  ],
  sourceDisconnected: (kind: SourceKind, name: string): Line => l`✓ Disconnected your ${KIND[kind]} ${b(name)} and erased its password. The touches it logged stay.`,
  noSuchSource: (position: number, count: number): Line =>
    count === 0 ? l`No calendar or mailbox is connected.` : l`There is no number ${String(position)}: ${code('/sources')} lists ${String(count)}.`,
  operatorSource: (name: string): Line => l`${b(name)} is set up by the operator of this keepwarm (KEEPWARM_IMAP_*); only they can remove it.`,
  sourceOptionSet: (option: 'inbox' | 'skipPrivate', on: boolean, count: number): Line =>
    option === 'inbox'
      ? on
        ? l`✓ Mail you receive from contacts counts too now (${String(count)} mailbox${count === 1 ? '' : 'es'}), from the next read.`
        : l`✓ Only mail you send counts now (${String(count)} mailbox${count === 1 ? '' : 'es'}).`
      : on
        ? l`✓ Events marked private are left out now (${String(count)} calendar${count === 1 ? '' : 's'}), from the next read.`
        : l`✓ Events marked private count again (${String(count)} calendar${count === 1 ? '' : 's'}).`,
  noSourceOfKind: (option: 'inbox' | 'skipPrivate'): RichText => (option === 'inbox' ? [l`No mailbox is connected.`, ...USAGE.mail()] : [l`No calendar is connected.`, ...USAGE.calendar()]),
  syncReport: (reports: SyncReport[]): RichText =>
    reports.length === 0
      ? [l`No calendar or mailbox is connected.`]
      : reports.map((r) =>
          line(
            `${ICON[r.kind]} `,
            b(r.name),
            ': ',
            r.result === 'ok' ? `${r.read} read, ${r.added} logged` : r.result === 'busy' ? 'being read right now' : `✗ ${WHY[r.result]} — nothing changed`,
          ),
        ),
  /** /show: a touch a source logged. */
  touchFromSource: (kind: 'meeting' | 'email'): string => (kind === 'meeting' ? '📅 from your calendar' : '✉️ from your mailbox'),
};
