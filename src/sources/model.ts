/** The vocabulary of sources, shared by the store, the sync and (later) the conversation. Types only. */

/** ical: a secret iCalendar URL; caldav: a CalDAV account; imap: a mailbox. */
export type SourceKind = 'ical' | 'caldav' | 'imap';

/** TLS towards a mailbox: implicit (IMAPS, port 993), STARTTLS (port 143), or none (only to this machine). */
export type ImapTls = 'implicit' | 'starttls' | 'none';

export interface SourceOptions {
  /** Mailbox: received mail from a contact counts too (`/mail inbox on`). */
  inbox?: boolean;
  /** Calendar: events marked private (CLASS:PRIVATE/CONFIDENTIAL) count for nobody. */
  skipPrivate?: boolean;
  /** Mailbox port and TLS mode. */
  port?: number;
  tls?: ImapTls;
  /** The user's own addresses beyond the account name (an invitation's answer is theirs). */
  self?: string[];
}

/**
 * How a sync ended. Every failure changes nothing; phase 2's /sources shows it.
 * - auth_failed: the server refused the user name or password.
 * - unreachable: no connection (DNS, refused, reset). timeout: no answer in time.
 * - too_large: the calendar or a response is over the size limit.
 * - not_calendar: what came back is not an iCalendar file.
 * - http_error: the server answered with an error status (404, 500, …).
 * - tls_failed: the secure connection could not be made or verified.
 * - private_address: the host is on this machine or a private network, and the operator did not allow that.
 * - no_sent_folder: the mailbox has no Sent folder keepwarm can find.
 * - secret_unreadable: the stored credentials do not open with the operator's key (it changed).
 * - no_secret_key: credentials are stored but the operator's key is not set.
 * - failed: anything else (logged for the operator without details of the user).
 */
export type SyncFailure =
  | 'auth_failed'
  | 'unreachable'
  | 'timeout'
  | 'too_large'
  | 'not_calendar'
  | 'http_error'
  | 'tls_failed'
  | 'private_address'
  | 'no_sent_folder'
  | 'secret_unreadable'
  | 'no_secret_key'
  | 'failed';

export type SyncResult = 'ok' | SyncFailure;

/** What one successful sync did. */
export interface SyncSummary {
  added: number;
  moved: number;
  removed: number;
  /** Events or mails read. */
  read: number;
}

/** A typed failure of reading a source; `detail` is for the operator's log and holds no user data. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly failure: SyncFailure,
    readonly detail = '',
  ) {
    super(`${failure}${detail ? `: ${detail}` : ''}`);
  }
}
