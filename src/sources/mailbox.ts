/**
 * Reading a mailbox's headers with imapflow. What is read: the envelope
 * (From, To, Cc, Bcc, Date, Message-ID) of mails in the Sent folder and — with
 * the user's opt-in — the Inbox. Never a body, never a write: folders are
 * opened read-only (EXAMINE), nothing is flagged, moved or deleted, and
 * imapflow's own logging is off so no address or subject reaches a log.
 *
 * Each folder resumes after the last UID read (its cursor), unless the
 * folder's UIDVALIDITY changed (then its UIDs mean other mails: it is read
 * again from the start of the window; Message-IDs keep that from logging twice).
 */
import { ImapFlow, type FetchMessageObject, type ListResponse } from 'imapflow';
import { resolveAllowed } from './host-guard.ts';
import { networkFailure } from './http.ts';
import type { MailHeaders } from './match.ts';
import { SourceError, type ImapTls } from './model.ts';

export interface MailboxAccount {
  host: string;
  port: number;
  tls: ImapTls;
  user: string;
  password: string;
}

export interface FolderCursorIn {
  folder: 'sent' | 'inbox';
  uidValidity: string;
  lastUid: number;
}

export interface FolderRead {
  folder: 'sent' | 'inbox';
  path: string;
  uidValidity: string;
  /** The cursor after this read: the last UID whose mail is in `mails` or was before the window. */
  lastUid: number;
  mails: MailHeaders[];
}

export interface MailboxReadOptions {
  inbox: boolean;
  /** Mails dated before this (ISO) do not count (and are not fetched on a folder's first sync). */
  since: string;
  /** At most this many mails per folder and sync; the rest follow on the next one. */
  maxMails: number;
  timeoutMs: number;
  allowPrivate: boolean;
}

/** Names Sent folders go by when the server does not mark one \Sent (SPECIAL-USE). */
const SENT_NAMES = ['sent', 'sent items', 'sent messages', 'sent mail', '[gmail]/sent mail', 'gesendet', 'gesendete objekte', 'gesendete elemente', 'inbox.sent'];

/** The Sent folder: marked \Sent by the server, else by imapflow's guess from its name, else a known name. */
export function findSentFolder(folders: readonly Pick<ListResponse, 'path' | 'specialUse' | 'specialUseSource'>[]): string | undefined {
  return (
    folders.find((f) => f.specialUse === '\\Sent' && f.specialUseSource === 'extension')?.path ??
    folders.find((f) => f.specialUse === '\\Sent')?.path ??
    folders.find((f) => SENT_NAMES.includes(f.path.toLowerCase()))?.path
  );
}

function addresses(list: { address?: string | undefined }[] | undefined): string[] {
  return (list ?? []).flatMap((a) => (a.address ? [a.address.trim().toLowerCase()] : []));
}

function headersOf(message: FetchMessageObject, path: string, uidValidity: string): MailHeaders {
  const envelope = message.envelope ?? {};
  const date = envelope.date ?? message.internalDate;
  const parsed = date ? new Date(date) : undefined;
  const id = envelope.messageId?.trim();
  return {
    // A mail without a Message-ID is known by its folder position instead.
    messageId: id && id.length <= 500 ? id : `<${uidValidity}.${message.uid}@${path}>`,
    date: parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : new Date(0).toISOString(),
    from: addresses(envelope.from),
    to: addresses(envelope.to),
    cc: addresses(envelope.cc),
    bcc: addresses(envelope.bcc),
  };
}

function imapFailure(error: unknown): SourceError {
  if (error instanceof SourceError) return error;
  const e = error as { authenticationFailed?: boolean; code?: string; message?: string } | null;
  if (e?.authenticationFailed) return new SourceError('auth_failed');
  if (e?.code === 'NoConnection' || e?.code === 'ClosedAfterConnectTLS') return new SourceError('unreachable', e.code);
  if (/timeout/i.test(`${e?.code ?? ''} ${e?.message ?? ''}`)) return new SourceError('timeout', e?.code ?? '');
  return networkFailure(error);
}

/** Reads the headers of new mail in Sent (and the Inbox when chosen). Throws SourceError. */
export async function readMailbox(account: MailboxAccount, cursors: readonly FolderCursorIn[], options: MailboxReadOptions): Promise<FolderRead[]> {
  const local = ['localhost', '127.0.0.1', '::1', '[::1]'].includes(account.host.toLowerCase());
  // Passwords cross the network encrypted: plain IMAP only to this machine.
  if (account.tls === 'none' && !local) throw new SourceError('tls_failed', 'plain IMAP is only allowed to this machine');
  let address: string;
  try {
    address = await resolveAllowed(account.host, options.allowPrivate);
  } catch (error) {
    throw imapFailure(error);
  }
  const client = new ImapFlow({
    host: address,
    servername: account.host,
    port: account.port,
    secure: account.tls === 'implicit',
    doSTARTTLS: account.tls === 'starttls' ? true : account.tls === 'none' ? false : undefined,
    auth: { user: account.user, pass: account.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    clientInfo: { name: 'keepwarm' },
  });
  // A dropped connection emits 'error'; the pending command rejects with it too.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const folders = await client.list();
    const sent = findSentFolder(folders);
    if (!sent) throw new SourceError('no_sent_folder');
    const wanted: { folder: 'sent' | 'inbox'; path: string }[] = [{ folder: 'sent', path: sent }];
    if (options.inbox) wanted.push({ folder: 'inbox', path: 'INBOX' });
    const reads: FolderRead[] = [];
    for (const { folder, path } of wanted) {
      reads.push(await readFolder(client, folder, path, cursors.find((c) => c.folder === folder), options));
    }
    return reads;
  } catch (error) {
    throw imapFailure(error);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function readFolder(client: ImapFlow, folder: 'sent' | 'inbox', path: string, cursor: FolderCursorIn | undefined, options: MailboxReadOptions): Promise<FolderRead> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const box = client.mailbox;
    if (!box) throw new SourceError('failed', 'mailbox not open');
    const uidValidity = String(box.uidValidity);
    const resume = cursor && cursor.uidValidity === uidValidity ? cursor.lastUid : undefined;
    const mails: MailHeaders[] = [];
    let lastUid = resume ?? 0;
    let from: number | undefined;
    if (resume !== undefined) {
      from = resume + 1;
    } else if (box.exists > 0) {
      // First read of this folder: only what is dated in the window.
      // SENTSINCE: by the Date header, not by when the server received the mail.
      const found = await client.search({ sentSince: new Date(options.since) }, { uid: true });
      const uids = Array.isArray(found) ? found : [];
      from = uids.length > 0 ? Math.min(...uids) : undefined;
      lastUid = Math.max(0, Number(box.uidNext ?? 1) - 1);
      if (from !== undefined) lastUid = from - 1;
    }
    if (from !== undefined && box.exists > 0) {
      for await (const message of client.fetch(`${from}:*`, { uid: true, envelope: true, internalDate: true }, { uid: true })) {
        // `n:*` answers with the last mail even when n is past it.
        if (message.uid <= lastUid) continue;
        if (mails.length >= options.maxMails) continue;
        lastUid = message.uid;
        const headers = headersOf(message, path, uidValidity);
        // Only mail dated in the window counts, however late it arrived in the folder.
        if (headers.date >= options.since) mails.push(headers);
      }
    }
    return { folder, path, uidValidity, lastUid, mails };
  } finally {
    lock.release();
  }
}
