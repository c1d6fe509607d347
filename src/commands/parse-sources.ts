/**
 * The commands that connect calendars and mailboxes (docs/sources.md), kept
 * apart from the rest of the command language: parse.ts asks `sourceWordOf`
 * about a message's first word and hands the rest here.
 *
 *   /calendar https://…               a secret iCalendar URL
 *   /calendar caldav https://… USER   a CalDAV account (password: next message)
 *   /calendar private on|off          events marked private count or not
 *   /mail HOST[:PORT] USER            an IMAP mailbox (app password: next message)
 *   /mail inbox on|off                received mail from contacts counts too
 *   /sources                          what is connected
 *   /disconnect N                     removes source N of /sources
 *   /sync                             syncs every source now
 *
 * Pure: no I/O; a host name is only checked for its form here.
 */
import type { ImapTls } from '../sources/model.ts';
import { refuse, type ParseError } from './command.ts';
import { fold } from './normalize.ts';

export type SourceCommand =
  | { intent: 'calendar'; url: string }
  | { intent: 'caldav'; url: string; user: string }
  | { intent: 'mail'; host: string; port: number; tls: ImapTls; user: string }
  | { intent: 'sourceOption'; option: 'inbox' | 'skipPrivate'; on: boolean }
  | { intent: 'sources' }
  | { intent: 'disconnect'; position: number }
  | { intent: 'sync' };

export type SourceIntent = SourceCommand['intent'];

/** The usage a refusal points to (`bad_source` with `usage`). */
export type SourceUsage = 'calendar' | 'caldav' | 'mail' | 'disconnect' | 'switch';

type SourceWord = 'calendar' | 'mail' | 'sources' | 'disconnect' | 'sync';

// Folded spellings, as in keywords.ts.
const WORDS: Record<SourceWord, readonly string[]> = {
  calendar: ['calendar', 'kalender', 'ical', 'caldav'],
  mail: ['mail', 'mailbox', 'imap', 'postfach'],
  sources: ['sources', 'quellen', 'verbindungen'],
  disconnect: ['disconnect', 'trennen', 'abmelden'],
  sync: ['sync', 'abgleichen', 'abgleich'],
};

const BY_WORD = new Map<string, SourceWord>();
for (const [word, spellings] of Object.entries(WORDS) as [SourceWord, readonly string[]][]) {
  for (const spelling of spellings) BY_WORD.set(spelling, word);
}

/** The sources command a word names, if any (`Kalender`, `mail`). */
export function sourceWordOf(word: string): SourceWord | undefined {
  return BY_WORD.get(fold(word));
}

const bad = (usage: SourceUsage, got?: string): ParseError => refuse('bad_source', { usage, got: got?.slice(0, 80) });

const ON = new Set(['on', 'an', 'ein', 'yes', 'ja', 'true']);
const OFF = new Set(['off', 'aus', 'no', 'nein', 'false']);

function onOff(text: string | undefined): boolean | undefined {
  const word = fold(text ?? '');
  return ON.has(word) ? true : OFF.has(word) ? false : undefined;
}

/** An http(s) or webcal(s) URL without credentials in it (those belong in the password question). */
function webUrl(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text.replace(/^webcals?:\/\//i, 'https://'));
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username !== '' || url.password !== '') return undefined;
    return url.toString();
  } catch {
    return undefined;
  }
}

// A DNS name or an IPv4 address; an IPv6 address in brackets.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i;
const LOCAL = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * `imap.example.org` (implicit TLS, 993), `host:143` (STARTTLS), `imaps://host:port`,
 * `imap://host:port` (STARTTLS; plain only to this machine, as the sync allows).
 */
export function mailHost(text: string): { host: string; port: number; tls: ImapTls } | undefined {
  const m = /^(?:(imaps?):\/\/)?([^/:\s]+|\[[^\]\s]+\])(?::(\d{1,5}))?\/?$/i.exec(text);
  if (!m) return undefined;
  const scheme = m[1]?.toLowerCase();
  const host = m[2]!;
  // An IMAP host has a dot (or is this machine): "mail Anna Keller" is no mailbox.
  if (!HOST.test(host) || host.length > 253 || !(/[.:]/.test(host) || LOCAL.test(host))) return undefined;
  const port = m[3] !== undefined ? Number(m[3]) : scheme === 'imap' ? 143 : 993;
  if (port < 1 || port > 65535) return undefined;
  const tls: ImapTls = scheme === 'imap' ? (LOCAL.test(host) ? 'none' : 'starttls') : scheme === 'imaps' ? 'implicit' : port === 143 ? 'starttls' : 'implicit';
  return { host: host.replace(/^\[|\]$/g, ''), port, tls };
}

function parseCalendar(args: string[]): SourceCommand | ParseError {
  const [first, ...rest] = args;
  if (first === undefined) return bad('calendar');
  const word = fold(first);
  if (word === 'caldav') {
    const url = webUrl(rest[0]);
    const user = rest.slice(1).join(' ');
    if (!url || user === '' || user.length > 200) return bad('caldav', rest[0]);
    return { intent: 'caldav', url, user };
  }
  if (word === 'private' || word === 'privat' || word === 'privates') {
    const on = onOff(rest[0]);
    return on === undefined || rest.length > 1 ? bad('switch', rest.join(' ')) : { intent: 'sourceOption', option: 'skipPrivate', on: !on };
  }
  const url = webUrl(first);
  if (!url || rest.length > 0) return bad('calendar', first);
  return { intent: 'calendar', url };
}

function parseMail(args: string[]): SourceCommand | ParseError {
  const [first, ...rest] = args;
  if (first === undefined) return bad('mail');
  if (fold(first) === 'inbox' || fold(first) === 'posteingang') {
    const on = onOff(rest[0]);
    return on === undefined || rest.length > 1 ? bad('switch', rest.join(' ')) : { intent: 'sourceOption', option: 'inbox', on };
  }
  const at = mailHost(first);
  const user = rest.join(' ');
  if (!at || user === '' || user.length > 200 || /\s/.test(user)) return bad('mail', first);
  return { intent: 'mail', ...at, user };
}

/**
 * Reads the arguments of a sources command. "/calendar private on" means
 * private events are private: they count for nobody.
 */
export function parseSourceCommand(word: SourceWord, arg: string): SourceCommand | ParseError {
  const args = arg.split(' ').filter((a) => a !== '');
  switch (word) {
    case 'calendar':
      return parseCalendar(args);
    case 'mail':
      return parseMail(args);
    case 'sources':
      return args.length === 0 ? { intent: 'sources' } : bad('disconnect', arg);
    case 'sync':
      return args.length === 0 ? { intent: 'sync' } : bad('disconnect', arg);
    case 'disconnect': {
      const position = /^#?(\d{1,3})$/.exec(args[0] ?? '')?.[1];
      return position === undefined || args.length > 1 || Number(position) < 1 ? bad('disconnect', arg) : { intent: 'disconnect', position: Number(position) };
    }
  }
}
