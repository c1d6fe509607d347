/**
 * The conversation: one `Incoming` in, the replies out, on the store. The same
 * for every platform; adapters only translate. This module is the adapters'
 * one door into keepwarm: they get a `Conversation` and never touch the
 * store or the command language themselves.
 */
import type { Kysely } from 'kysely';
import { isParseError } from '../commands/command.ts';
import { keywordOf } from '../commands/keywords.ts';
import { parseCommand } from '../commands/parse.ts';
import { localDateOf } from '../core/dates.ts';
import { getContact, createContact } from '../store/contacts.ts';
import { safeError, secretWords, shortId, type Logger } from '../log.ts';
import { firstDelivery, forgetDelivery } from '../store/inbound.ts';
import { clearPending } from '../store/pending.ts';
import type { DB } from '../store/schema.ts';
import { ensureUser } from '../store/users.ts';
import { decodeAction, type Action } from '../commands/actions.ts';
import type { Ctx, SourcesAccess } from './context.ts';
import { answerAll, answerButton, groupDone, settleQuestion } from './handlers/answers.ts';
import * as contacts from './handlers/contacts.ts';
import { eraseEverything, isForgetWord } from './handlers/forget.ts';
import * as importer from './handlers/import.ts';
import { reviewAnswer } from './handlers/review.ts';
import { awaitsSecret, receiveSecret } from './handlers/sources.ts';
import { dispatch } from './dispatch.ts';
import { blocked, notice, noticeOnce, type NoticeArgs, type NoticeKey, type NoticeTarget } from './notices.ts';
import { change } from './handlers/undoable.ts';
import { catalog } from '../i18n/index.ts';
import type { PlatformIdentity } from '../core/identity.ts';
import type { Incoming, Line, Platform, Reply } from '../port.ts';
import { openQuestion, type OpenQuestion } from './questions.ts';
import { slotName } from './resolve.ts';

/** What became of one update: answered, a redelivery of one seen before, or an apology after a failure. */
export type Outcome = 'handled' | 'duplicate' | 'failed';

/**
 * Watches the bot's work (metrics: src/ops/metrics.ts). `intent` is one of a
 * small fixed set: a command's intent, `action` for a button press, `import`
 * for a file, `forward` for a forwarded message, `parse_error`, or `none`
 * when the update was not looked at (a duplicate) or failed before parsing.
 */
export interface ConversationObserver {
  handled(platform: Platform, intent: string, outcome: Outcome, seconds: number): void;
}

/** The intent each update turned out to have, as `onParsed` found it. */
const intents = new WeakMap<Incoming, string>();

function intentOf(incoming: Incoming): string {
  if (incoming.action !== undefined) return 'action';
  if (incoming.file !== undefined) return 'import';
  if (incoming.forwardedFrom !== undefined) return 'forward';
  return intents.get(incoming) ?? 'none';
}

export type { NoticeArgs, NoticeKey, NoticeTarget } from './notices.ts';
export type { SourcesAccess } from './context.ts';

/** What the adapters get: everything they need from keepwarm, behind one door. */
export interface Conversation {
  /** Handles one message or button press. Never throws: failures become an apology and change nothing. */
  handle(incoming: Incoming, now?: Date): Promise<Reply[]>;
  /** A notice from the catalog (`telegramFileTooLarge`, `slackFileInDm` …) in the person's language. */
  notice<K extends NoticeKey>(to: NoticeTarget, key: K, ...args: NoticeArgs<K>): Promise<Line>;
  /** The same, once per platform event: undefined for a redelivery of `eventId`. */
  noticeOnce<K extends NoticeKey>(to: NoticeTarget, eventId: string, key: K, ...args: NoticeArgs<K>): Promise<Line | undefined>;
  /** The person blocked keepwarm or left: no nudges until they write again. Returns keepwarm's id of them, for the log. */
  blocked(who: PlatformIdentity): Promise<number | undefined>;
}

/** True when `word` names a command in any language (`tier`, `Stufe`): Slack's umbrella `/keepwarm tier …`. */
export function isCommandWord(word: string): boolean {
  return keywordOf(word) !== undefined;
}

export function createConversation(options: {
  db: Kysely<DB>;
  log?: Pick<Logger, 'error'> & Partial<Logger>;
  observer?: ConversationObserver;
  /** Calendars and mailboxes (docs/sources.md); without it their commands say the operator must set them up. */
  sources?: SourcesAccess;
}): Conversation {
  const { db, log, observer, sources } = options;

  async function run(incoming: Incoming, now: Date): Promise<Reply[]> {
    const user = await ensureUser(
      db,
      incoming.from,
      { chatId: incoming.chatId, ...(incoming.locale ? { locale: incoming.locale } : {}), ...(incoming.timeZone ? { timeZone: incoming.timeZone } : {}) },
      now,
    );
    const ctx: Ctx = { db, user, now, today: localDateOf(now, user.timeZone), t: catalog(user.language), incoming, ...(sources ? { sources } : {}) };
    if (incoming.action !== undefined) return onAction(ctx, incoming.action);
    if (incoming.file !== undefined) return importer.receiveFile(ctx, incoming.file);
    if (incoming.forwardedFrom !== undefined) return onForward(ctx, incoming.forwardedFrom);
    return onText(ctx, incoming.text ?? '');
  }

  return {
    notice: (to, key, ...args) => notice(db, to, key, args),
    noticeOnce: (to, eventId, key, ...args) => noticeOnce(db, to, eventId, key, args),
    blocked: (who) => blocked(db, who),
    async handle(incoming, now = new Date()) {
      const started = performance.now();
      const platform = incoming.from.platform;
      const reqLog = log?.child?.({ reqId: incoming.eventId ?? shortId(), platform }) ?? log;
      const done = (outcome: Outcome, replies: Reply[]): Reply[] => {
        const seconds = (performance.now() - started) / 1000;
        observer?.handled(platform, outcome === 'duplicate' ? 'none' : intentOf(incoming), outcome, seconds);
        reqLog?.debug?.({ intent: intentOf(incoming), outcome, ms: Math.round(seconds * 1000) }, 'update handled');
        return replies;
      };
      if (incoming.eventId !== undefined && !(await firstDelivery(db, platform, incoming.eventId, now))) return done('duplicate', []);
      try {
        return done('handled', await run(incoming, now));
      } catch (error) {
        // Each change is one transaction, so a failure leaves nothing half-done.
        // The delivery is forgotten so a platform retry gets another chance.
        if (incoming.eventId !== undefined) await forgetDelivery(db, platform, incoming.eventId).catch(() => undefined);
        // What the user typed may come back quoted in the error: never logged.
        const secrets = secretWords(incoming.text, incoming.forwardedFrom?.name, incoming.file?.name, incoming.file?.content.subarray(0, 200_000).toString('utf8'));
        reqLog?.error({ err: safeError(error, secrets), intent: intentOf(incoming) }, 'handling a message failed');
        return done('failed', [{ text: [catalog(incoming.locale?.startsWith('de') ? 'de' : 'en').internalError()] }]);
      }
    },
  };
}

/** A forwarded message is a chat with its sender: logged as a message touch on the day it was written. */
function onForward(ctx: Ctx, forwarded: NonNullable<Incoming['forwardedFrom']>): Promise<Reply[]> {
  const name = forwarded.name.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (name === '') return Promise.resolve([{ text: [ctx.t.forwardWithoutSender()] }]);
  const written = forwarded.at ? localDateOf(forwarded.at, ctx.user.timeZone) : ctx.today;
  const date = written > ctx.today ? ctx.today : written;
  return dispatch(ctx, { intent: 'touch', name, kind: 'message', date });
}

async function onText(ctx: Ctx, text: string): Promise<Reply[]> {
  const pending = await openQuestion(ctx);
  // The password after /calendar caldav or /mail: never parsed, never logged.
  if (pending?.kind === 'secret') {
    if (awaitsSecret(pending, ctx.now)) {
      intents.set(ctx.incoming, 'secret');
      return receiveSecret(ctx, pending, text);
    }
    // Asked too long ago: this message is a message again.
    await clearPending(ctx.db, ctx.user.id, pending.token);
    return onParsed(ctx, text, undefined);
  }
  if (pending?.kind === 'forget') {
    if (isForgetWord(text)) {
      intents.set(ctx.incoming, 'forget');
      if (!(await clearPending(ctx.db, ctx.user.id, pending.token))) return [];
      return eraseEverything(ctx);
    }
    await clearPending(ctx.db, ctx.user.id, pending.token);
    const cancelled: Reply = { text: [ctx.t.forgetCancelled()] };
    // "no" / "cancel" is the answer itself; anything else is also a message of its own.
    const parsed = parseCommand(text, { now: ctx.now, timeZone: ctx.user.timeZone, language: ctx.user.language });
    if (!isParseError(parsed) && parsed.intent === 'cancel') return [cancelled];
    return [cancelled, ...(await onParsed(ctx, text, undefined))];
  }
  return onParsed(ctx, text, pending);
}

async function onParsed(ctx: Ctx, text: string, pending: OpenQuestion | undefined): Promise<Reply[]> {
  const parsed = parseCommand(text, { now: ctx.now, timeZone: ctx.user.timeZone, language: ctx.user.language });
  intents.set(ctx.incoming, isParseError(parsed) ? 'parse_error' : parsed.intent);
  if (isParseError(parsed)) return [{ text: ctx.t.parseError(parsed) }];
  if (parsed.intent === 'confirm' || parsed.intent === 'cancel') {
    if (!pending) return [{ text: [ctx.t.nothingPending()] }];
    return onPendingAnswer(ctx, pending, parsed.intent === 'confirm');
  }
  return dispatch(ctx, parsed);
}

/** A typed yes or no to the open question. */
async function onPendingAnswer(ctx: Ctx, pending: OpenQuestion, yes: boolean): Promise<Reply[]> {
  if (!yes) {
    await clearPending(ctx.db, ctx.user.id, pending.token);
    return [{ text: [ctx.t.cancelled()] }];
  }
  switch (pending.kind) {
    case 'delete':
    case 'import':
    case 'unknown':
      return onAction(ctx, `${pending.kind === 'unknown' ? 'add' : 'yes'}:${pending.token}`);
    default:
      // "Which Anna?" and "same person?" need a choice, not a yes.
      return [{ text: [ctx.t.pickAButton()] }];
  }
}

async function onAction(ctx: Ctx, payload: string): Promise<Reply[]> {
  const action = decodeAction(payload);
  if (!action) return [{ text: [ctx.t.buttonUnknown()] }];
  switch (action.kind) {
    case 'pick':
    case 'add':
    case 'same':
    case 'new':
    case 'yes':
    case 'no':
      return onQuestionAnswer(ctx, action);
    case 'tier': {
      const contact = await getContact(ctx.db, ctx.user.id, action.contactId);
      if (!contact) return [{ text: [ctx.t.contactGone()] }];
      return settleQuestion(ctx, contact.id, await contacts.setTier(ctx, contact, action.tier));
    }
    case 'done':
    case 'noanswer':
    case 'skip':
    case 'snooze': {
      const contact = await getContact(ctx.db, ctx.user.id, action.contactId);
      return contact ? answerButton(ctx, action, contact) : [{ text: [ctx.t.contactGone()] }];
    }
    case 'all':
      return answerAll(ctx, action.nudgeId, action.answer);
    case 'groupdone':
      return groupDone(ctx, action.nudgeId, action.contactId);
    case 'review':
      return reviewAnswer(ctx, action.contactId, action.choice);
    case 'ignored': {
      const contact = await getContact(ctx.db, ctx.user.id, action.contactId);
      if (!contact) return [{ text: [ctx.t.contactGone()] }];
      const replies =
        action.choice === 'C'
          ? await contacts.setTier(ctx, contact, 'C')
          : action.choice === 'archive'
            ? await dispatch(ctx, { intent: 'archive', name: contact.name }, { name: contact.id })
            : [{ text: [ctx.t.keptAsIs(contact.name)] }];
      return settleQuestion(ctx, contact.id, replies);
    }
  }
}

/** A button under a question: valid once, and only while it is the open question. */
async function onQuestionAnswer(ctx: Ctx, action: Extract<Action, { token: string }>): Promise<Reply[]> {
  const pending = await openQuestion(ctx);
  if (!pending || pending.token !== action.token) return [{ text: [ctx.t.questionExpired()] }];
  // Taking the question away first makes a double press act once.
  if (!(await clearPending(ctx.db, ctx.user.id, action.token))) return [{ text: [ctx.t.questionExpired()] }];
  if (action.kind === 'no') return [{ text: [ctx.t.cancelled()] }];

  switch (pending.kind) {
    case 'choose': {
      if (action.kind !== 'pick') break;
      const { command, slot, resolved } = pending.payload;
      return dispatch(ctx, command, { ...resolved, [slot]: action.contactId });
    }
    case 'unknown': {
      if (action.kind !== 'add' && action.kind !== 'yes') break;
      const { command, slot, resolved } = pending.payload;
      const name = slotName(command, slot) ?? '';
      const id = await change(ctx, { key: 'add', name }, (ch) => createContact(ch, { name, tier: 'B', source: 'add', createdOn: ctx.today }));
      const added: Reply = { text: [ctx.t.added({ name, tier: 'B', lastTalked: undefined, today: ctx.today })] };
      return [added, ...(await dispatch(ctx, command, { ...resolved, [slot]: id }))];
    }
    case 'same': {
      const { command } = pending.payload;
      if (action.kind === 'same') return dispatch(ctx, command, { name: action.contactId });
      if (action.kind === 'new') return dispatch(ctx, command, { createNew: true });
      break;
    }
    case 'delete':
      if (action.kind === 'yes') return contacts.confirmDelete(ctx, pending.payload);
      break;
    case 'import':
      if (action.kind === 'yes') return importer.confirmImport(ctx, pending.payload);
      break;
  }
  return [{ text: [ctx.t.questionExpired()] }];
}
