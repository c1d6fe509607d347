/** English texts about connected calendars and mailboxes (spread into en.ts). */
import type { SourceKind, SyncFailure } from '../sources/model.ts';
import type { RichText } from '../port.ts';
import { b, code, l } from '../rich.ts';

const KIND: Record<SourceKind, string> = { ical: 'calendar', caldav: 'calendar', imap: 'mailbox' };

const WHY: Record<SyncFailure, string> = {
  auth_failed: 'the server does not accept the user name or password',
  unreachable: 'the server cannot be reached',
  timeout: 'the server does not answer in time',
  too_large: 'it is larger than I read (50 MB)',
  not_calendar: 'the address does not give an iCalendar file',
  http_error: 'the server answers with an error',
  tls_failed: 'a secure connection to the server cannot be made',
  private_address: 'it is on a private network this keepwarm may not reach',
  no_sent_folder: 'I cannot find its Sent folder',
  secret_unreadable: 'its stored password no longer opens (the operator changed the key)',
  no_secret_key: 'the operator has not set KEEPWARM_SECRET_KEY',
  failed: 'something went wrong while reading it',
};

export const enSources = {
  /** Told once when a source has failed several syncs in a row. */
  sourceFailing: (kind: SourceKind, name: string, failure: SyncFailure): RichText => [
    l`⚠️ Your ${KIND[kind]} ${b(name)} has not synced for a while: ${WHY[failure]}. Nothing was changed.`,
    l`I keep trying and will not tell you again until it works once more. ${code('/sources')} shows its state.`,
  ],
  /** Why a source cannot be connected without the operator's key. */
  sourcesNeedKey: (): RichText => [l`Connecting a calendar or mailbox needs a key to keep its password encrypted, and the operator of this keepwarm has not set one (KEEPWARM_SECRET_KEY). Nothing was stored.`],
  syncFailureReason: (failure: SyncFailure): string => WHY[failure],
};
