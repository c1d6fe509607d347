/**
 * Calendars and mailboxes in the chat (docs/sources.md): connecting one
 * (checked once at once — what it found, or why not, and then nothing is
 * kept), the password asked in the next message, the list, disconnecting,
 * the inbox and private-events switches, and a sync on demand.
 *
 * A secret never reaches a log or an unsealed column: the password message
 * goes straight to the sealed row and is never parsed as a command; the
 * message that held it is deleted where the platform allows.
 */
import type { Command } from '../../commands/command.ts';
import { localDateOf, localTimeOf } from '../../core/dates.ts';
import { keywordOf } from '../../commands/keywords.ts';
import type { SourceListing, SyncReport } from '../../i18n/en-sources.ts';
import type { Reply } from '../../port.ts';
import type { SourceKind } from '../../sources/model.ts';
import { NoSecretKeyError } from '../../sources/secret-box.ts';
import { clearPending } from '../../store/pending.ts';
import { connectSource, disconnectSource, listSources, setSourceOptions, type NewSource, type Source } from '../../store/sources.ts';
import type { Ctx, Handler, SourcesAccess } from '../context.ts';
import { ask, type OpenQuestion } from '../questions.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/** A new source is checked here at once; the scheduler's first read of it follows a period later (src/sources/runner.ts). */
const SYNC_EVERY_MS = 15 * 60_000;

/** How long the password question waits: after that, a message is a message again. */
const SECRET_QUESTION_MS = 10 * 60_000;

function hasKey(ctx: Ctx): ctx is Ctx & { sources: SourcesAccess & { box: NonNullable<SourcesAccess['box']> } } {
  return ctx.sources?.box !== undefined;
}

const noKey = (ctx: Ctx): Reply[] => [{ text: ctx.t.sourcesNeedKey() }];

/** The reply to a message that held a secret: deleted where the platform allows, else the user is asked to. */
function secretHandled(ctx: Ctx, replies: Reply[]): Reply[] {
  const gone = ctx.t.secretMessageGone(ctx.incoming.from.platform);
  const [first, ...rest] = replies;
  if (!first) return replies;
  return [{ ...first, text: gone ? [...first.text, gone] : first.text, deleteIncoming: true }, ...rest];
}

/**
 * Stores a new source and reads it once at once. On success it stays and
 * what it logged is one undo step; on failure it is removed again, with the
 * reason, so a wrong password or an unreachable host changes nothing.
 */
async function connectAndCheck(ctx: Ctx & { sources: SourcesAccess }, fields: NewSource): Promise<Reply[]> {
  let source: Source;
  try {
    // Not due for the scheduler until after this check, so no tick races it.
    source = await connectSource(ctx.db, ctx.user.id, { ...fields, firstSyncAt: new Date(ctx.now.getTime() + SYNC_EVERY_MS) }, ctx.sources.box, ctx.now);
  } catch (error) {
    if (error instanceof NoSecretKeyError) return noKey(ctx);
    throw error;
  }
  let result: Awaited<ReturnType<SourcesAccess['runSource']>>[number] | undefined;
  try {
    [result] = await ctx.sources.runSource(ctx.user.id, source.id);
  } catch (error) {
    // Not checked, not kept: a redelivery of the message starts over.
    await disconnectSource(ctx.db, ctx.user.id, source.id);
    throw error;
  }
  if (!result || result.result === 'lost') return [{ text: [ctx.t.sourceCheckLater(source.kind, source.name)] }];
  if (result.result === 'ok') return [{ text: ctx.t.sourceConnected(source.kind, source.name, result.summary ?? { added: 0, moved: 0, removed: 0, read: 0 }) }];
  await disconnectSource(ctx.db, ctx.user.id, source.id);
  return [{ text: ctx.t.sourceNotConnected(source.kind, source.name, result.result) }];
}

/** `/calendar https://…`: the URL is itself the secret (anyone with it reads the calendar). */
export const calendar: Handler<Of<'calendar'>> = async (ctx, command) => {
  if (!hasKey(ctx)) return secretHandled(ctx, noKey(ctx));
  const name = new URL(command.url).hostname;
  return secretHandled(ctx, await connectAndCheck(ctx, { kind: 'ical', name, secret: command.url }));
};

export const caldav: Handler<Of<'caldav'>> = async (ctx, command) => {
  if (!hasKey(ctx)) return noKey(ctx);
  await ask(ctx, { kind: 'secret', payload: { source: 'caldav', url: command.url, user: command.user, askedAt: ctx.now.toISOString() } });
  return [{ text: ctx.t.askSourcePassword('caldav', new URL(command.url).hostname, command.user, ctx.incoming.from.platform) }];
};

export const mail: Handler<Of<'mail'>> = async (ctx, command) => {
  if (!hasKey(ctx)) return noKey(ctx);
  const { host, port, tls, user } = command;
  await ask(ctx, { kind: 'secret', payload: { source: 'imap', host, port, tls, user, askedAt: ctx.now.toISOString() } });
  return [{ text: ctx.t.askSourcePassword('imap', host, user, ctx.incoming.from.platform) }];
};

/** True while the password question still waits for its answer. */
export function awaitsSecret(pending: Extract<OpenQuestion, { kind: 'secret' }>, now: Date): boolean {
  return now.getTime() - Date.parse(pending.payload.askedAt) < SECRET_QUESTION_MS;
}

/** A bare cancel word ("/cancel", "abbrechen") cancels; anything else is the password, as typed. */
function isCancel(text: string): boolean {
  const word = /^\/?(\p{L}+)$/u.exec(text.trim())?.[1];
  return word !== undefined && keywordOf(word) === 'cancel';
}

/**
 * The message after /calendar caldav or /mail: the password, never a command.
 * The question is taken away only once the answer is settled: if handling
 * fails and the platform delivers the message again, it is still the password.
 */
export async function receiveSecret(ctx: Ctx, pending: Extract<OpenQuestion, { kind: 'secret' }>, text: string): Promise<Reply[]> {
  const settle = async (replies: Reply[]) => ((await clearPending(ctx.db, ctx.user.id, pending.token)) ? replies : []);
  if (text.trim() === '' || isCancel(text)) return settle([{ text: [ctx.t.passwordCancelled()] }]);
  if (!hasKey(ctx)) return settle(secretHandled(ctx, noKey(ctx)));
  const p = pending.payload;
  const fields: NewSource =
    p.source === 'caldav'
      ? { kind: 'caldav', name: new URL(p.url).hostname, host: p.url, username: p.user, secret: text }
      : { kind: 'imap', name: p.host, host: p.host, username: p.user, secret: text, options: { port: p.port, tls: p.tls } };
  return settle(secretHandled(ctx, await connectAndCheck(ctx, fields)));
}

function listing(ctx: Ctx, source: Source, position: number): SourceListing {
  const at = source.lastSyncAt;
  return {
    position,
    kind: source.kind,
    name: source.name,
    username: source.username,
    fromOperator: source.origin === 'env',
    inbox: source.options.inbox === true,
    skipPrivate: source.options.skipPrivate === true,
    lastSync: at ? { date: localDateOf(new Date(at), ctx.user.timeZone), time: localTimeOf(new Date(at), ctx.user.timeZone) } : null,
    lastResult: source.lastResult,
    lastSummary: source.lastSummary,
    failures: source.failures,
  };
}

export const sources: Handler<Of<'sources'>> = async (ctx) => {
  const all = await listSources(ctx.db, ctx.user.id);
  if (all.length === 0) return [{ text: ctx.t.sourcesEmpty() }];
  return [{ text: ctx.t.sourcesList(all.map((s, index) => listing(ctx, s, index + 1)), ctx.today) }];
};

/** `/disconnect N`: N as /sources numbers them. The touches stay; the password goes at once. */
export const disconnect: Handler<Of<'disconnect'>> = async (ctx, command) => {
  const all = await listSources(ctx.db, ctx.user.id);
  const source = all[command.position - 1];
  if (!source) return [{ text: [ctx.t.noSuchSource(command.position, all.length)] }];
  if (source.origin === 'env') return [{ text: [ctx.t.operatorSource(source.name)] }];
  await disconnectSource(ctx.db, ctx.user.id, source.id);
  return [{ text: [ctx.t.sourceDisconnected(source.kind, source.name)] }];
};

const KINDS_OF: Record<'inbox' | 'skipPrivate', readonly SourceKind[]> = { inbox: ['imap'], skipPrivate: ['ical', 'caldav'] };

/** `/mail inbox on|off`, `/calendar private on|off`: for every mailbox or calendar of the user. */
export const sourceOption: Handler<Of<'sourceOption'>> = async (ctx, command) => {
  const targets = (await listSources(ctx.db, ctx.user.id)).filter((s) => KINDS_OF[command.option].includes(s.kind));
  if (targets.length === 0) return [{ text: ctx.t.noSourceOfKind(command.option) }];
  for (const source of targets) await setSourceOptions(ctx.db, ctx.user.id, source.id, { [command.option]: command.on });
  return [{ text: [ctx.t.sourceOptionSet(command.option, command.on, targets.length)] }];
};

/** `/sync`: every source of the user now; /undo right after takes back what it logged. */
export const sync: Handler<Of<'sync'>> = async (ctx) => {
  const all = await listSources(ctx.db, ctx.user.id);
  if (all.length === 0) return [{ text: ctx.t.sourcesEmpty() }];
  const results = ctx.sources ? await ctx.sources.runForUser(ctx.user.id) : [];
  const reports: SyncReport[] = all.map((source) => {
    const run = results.find((r) => r.sourceId === source.id);
    const result = !run || run.result === 'lost' ? 'busy' : run.result;
    return { kind: source.kind, name: source.name, result, added: run?.summary?.added ?? 0, read: run?.summary?.read ?? 0 };
  });
  return [{ text: ctx.t.syncReport(reports) }];
};
