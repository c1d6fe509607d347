/**
 * The conversation: one `Incoming` in, the replies out, on the store. The same
 * for every platform; adapters only translate. This module is the adapters'
 * one door into keepwarm: they get a `Conversation` and never touch the
 * store or the command language themselves.
 */
import type { Kysely } from 'kysely';
import { isParseError } from '../commands/command.ts';
import { keywordOf } from '../commands/keywords.ts';
import { sourceWordOf } from '../commands/parse-sources.ts';
import { parseCommand } from '../commands/parse.ts';
import { localDateOf } from '../core/dates.ts';
import { cleanInput } from '../core/input-text.ts';
import { workingDaysOf } from '../holidays/index.ts';
import { getContact } from '../store/contacts.ts';
import { safeError, secretWords, shortId, type Logger } from '../log.ts';
import { storeFault, storeStatus } from '../store/faults.ts';
import { withDelivery } from '../store/inbound.ts';
import { clearPending } from '../store/pending.ts';
import type { DB } from '../store/schema.ts';
import { ensureUser } from '../store/users.ts';
import { decodeAction, type Action } from '../commands/actions.ts';
import type { Ctx, SourcesAccess } from './context.ts';
import { createDeliveries, type DeliveryOptions } from './delivery.ts';
import { RetryLater, retryLaterIn } from './retry-later.ts';
import { answerAll, answerButton, answerQuestion, answerStale, groupDone } from './handlers/answers.ts';
import { answerReminder } from './handlers/touches.ts';
import * as contacts from './handlers/contacts.ts';
import { eraseEverything, isForgetWord } from './handlers/forget.ts';
import * as importer from './handlers/import.ts';
import { answerAddress, askForAddress } from './handlers/occasions.ts';
import { reviewAnswer } from './handlers/review.ts';
import { awaitsSecret, receiveSecret } from './handlers/sources.ts';
import { dispatch } from './dispatch.ts';
import { blocked, notice, noticeOnce, type NoticeArgs, type NoticeKey, type NoticeTarget } from './notices.ts';
import { allOrNothing } from './handlers/undoable.ts';
import { answerIgnored, typedChoice } from './handlers/typed-buttons.ts';
import { catalog } from '../i18n/index.ts';
import type { PlatformIdentity } from '../core/identity.ts';
import type { Incoming, Line, Platform, Reply } from '../port.ts';
import { openQuestion, type OpenQuestion } from './questions.ts';
import { slotName, withAdd, withChoice } from './resolve.ts';

/**
 * What became of one update: answered, a redelivery of one seen before, an
 * apology after a failure, or refused for the platform to deliver again (the
 * database could not take it).
 */
export type Outcome = 'handled' | 'duplicate' | 'failed' | 'refused';

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
export { RetryLater } from './retry-later.ts';

/**
 * Why an update failed in a way that passes (the database is full or gone for
 * a moment), for an adapter to refuse it so the platform delivers it again;
 * undefined for any other failure. Looks through grammY's BotError.
 */
export function refusalOf(error: unknown): string | undefined {
  return retryLaterIn(error)?.reason ?? storeFault(error)?.reason ?? storeFault((error as { error?: unknown } | null)?.error)?.reason;
}

/** What the adapters get: everything they need from keepwarm, behind one door. */
export interface Conversation {
  /**
   * Handles one message or button press. Failures become an apology and change
   * nothing. Throws only `RetryLater`, and only for an update marked
   * `redeliverable`: the database cannot take it now, so the adapter sends the
   * error's replies and refuses the update for the platform to deliver again.
   */
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
  return keywordOf(word) !== undefined || sourceWordOf(word) !== undefined;
}

export function createConversation(options: {
  db: Kysely<DB>;
  log?: Pick<Logger, 'error'> & Partial<Logger>;
  observer?: ConversationObserver;
  delivery?: DeliveryOptions;
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
    const workdays = await workingDaysOf(user);
    const ctx: Ctx = { db, user, now, today: localDateOf(now, user.timeZone), t: catalog(user.language), incoming, workdays, ...(sources ? { sources } : {}) };
    if (incoming.action !== undefined) return onAction(ctx, incoming.action);
    if (incoming.file !== undefined) return importer.receiveFile(ctx, incoming.file);
    if (incoming.forwardedFrom !== undefined) return onForward(ctx, incoming.forwardedFrom);
    return onText(ctx, incoming.text ?? '');
  }

  const deliveries = createDeliveries(db, options.delivery);
  const status = storeStatus(db);
  // Updates already told "I cannot save right now": a redelivery of one is refused without saying it again.
  const apologised = new Set<string>();

  /** The answer while the database cannot take the update: once per update, in the language the platform names. */
  function unavailable(incoming: Incoming, key: string | undefined): Reply[] {
    if (key !== undefined) {
      if (apologised.has(key)) return [];
      if (apologised.size >= 10_000) apologised.clear();
      apologised.add(key);
    }
    const t = catalog(incoming.locale?.startsWith('de') ? 'de' : 'en');
    return [{ text: [incoming.redeliverable ? t.cannotSaveNowRetried() : t.cannotSaveNow()] }];
  }

  return {
    notice: (to, key, ...args) => notice(db, to, key, args),
    noticeOnce: (to, eventId, key, ...args) => noticeOnce(db, to, eventId, key, args),
    blocked: (who) => blocked(db, who),
    async handle(raw, now = new Date()) {
      const incoming = cleanIncoming(raw);
      const started = performance.now();
      const platform = incoming.from.platform;
      const reqLog = log?.child?.({ reqId: incoming.eventId ?? shortId(), platform }) ?? log;
      const done = (outcome: Outcome, replies: Reply[]): Reply[] => {
        const seconds = (performance.now() - started) / 1000;
        observer?.handled(platform, outcome === 'duplicate' || outcome === 'refused' ? 'none' : intentOf(incoming), outcome, seconds);
        reqLog?.debug?.({ intent: intentOf(incoming), outcome, ms: Math.round(seconds * 1000) }, 'update handled');
        return replies;
      };
      const delivery = incoming.eventId !== undefined ? { platform, eventId: incoming.eventId } : undefined;
      const key = delivery && `${platform}:${delivery.eventId}`;
      let claimedAt: string | undefined;
      try {
        if (delivery) {
          const claim = await deliveries.claim(delivery, now);
          if (claim.kind === 'duplicate') return done('duplicate', []);
          if (claim.kind === 'busy') {
            // Another handling of the same update still holds it: a platform that redelivers asks again later.
            if (incoming.redeliverable) throw new RetryLater('the update is being handled elsewhere');
            return done('duplicate', []);
          }
          claimedAt = claim.at;
        }
        const replies = delivery ? await withDelivery(delivery, () => run(incoming, now)) : await run(incoming, now);
        if (delivery) await deliveries.finish(delivery, now);
        status.recovered();
        if (key) apologised.delete(key);
        return done('handled', replies);
      } catch (error) {
        if (error instanceof RetryLater) {
          done('refused', []);
          throw error;
        }
        // Each change is one transaction, so a failure leaves nothing half-done.
        // The claim is taken back so a platform retry gets another chance.
        if (delivery && claimedAt !== undefined) await deliveries.release(delivery, claimedAt);
        const fault = status.report(error);
        if (fault) {
          // The database cannot take it (a full disk, gone for a moment): named in the log, refused when the platform delivers again.
          reqLog?.warn?.({ reason: fault.reason, code: (error as { code?: unknown }).code, intent: intentOf(incoming), redelivered: incoming.redeliverable === true }, `an update could not be saved: ${fault.reason}`);
          const replies = unavailable(incoming, key);
          if (incoming.redeliverable) {
            done('refused', []);
            throw new RetryLater(fault.reason, replies);
          }
          return done('failed', replies);
        }
        // What the user typed may come back quoted in the error: never logged.
        const secrets = secretWords(incoming.text, incoming.forwardedFrom?.name, incoming.file?.name, incoming.file?.content.subarray(0, 200_000).toString('utf8'));
        reqLog?.error({ err: safeError(error, secrets), intent: intentOf(incoming) }, 'handling a message failed');
        return done('failed', [{ text: [catalog(incoming.locale?.startsWith('de') ? 'de' : 'en').internalError()] }]);
      }
    },
  };
}

/** What the user sent, cleaned at the edge (core/input-text.ts) before anything reads or stores it. */
function cleanIncoming(incoming: Incoming): Incoming {
  const { text, action, forwardedFrom, file } = incoming;
  return {
    ...incoming,
    ...(text !== undefined ? { text: cleanInput(text) } : {}),
    ...(action !== undefined ? { action: cleanInput(action) } : {}),
    ...(forwardedFrom !== undefined ? { forwardedFrom: { ...forwardedFrom, name: cleanInput(forwardedFrom.name) } } : {}),
    ...(file !== undefined ? { file: { ...file, name: cleanInput(file.name) } } : {}),
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
  if (pending?.kind === 'address') {
    const answered = await answerAddress(ctx, pending, text);
    if (answered) return answered;
  }
  return onParsed(ctx, text, pending);
}

async function onParsed(ctx: Ctx, text: string, pending: OpenQuestion | undefined): Promise<Reply[]> {
  const parsed = parseCommand(text, { now: ctx.now, timeZone: ctx.user.timeZone, language: ctx.user.language });
  intents.set(ctx.incoming, isParseError(parsed) ? 'parse_error' : parsed.intent);
  if (isParseError(parsed)) {
    // "behalten", "archive" alone: a button's label typed, for the question on screen (if any).
    if (parsed.error === 'missing_name' && (parsed.intent === 'keep' || parsed.intent === 'archive')) return typedChoice(ctx, parsed.intent);
    return [{ text: ctx.t.parseError(parsed) }];
  }
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
    case 'near': {
      // "Did you mean Thomas Becker?" — "ja": the one suggested.
      const [only, ...more] = pending.payload.suggestions;
      if (only !== undefined && more.length === 0) return onAction(ctx, `pick:${pending.token}:${only}`);
      return [{ text: [ctx.t.pickAButton()] }];
    }
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
      return answerQuestion(ctx, contact, 'tier', (entry) => contacts.setTier(ctx, contact, action.tier, entry));
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
    case 'address':
      return askForAddress(ctx, action.contactId);
    case 'review':
      return reviewAnswer(ctx, action.contactId, action.choice);
    case 'ignored': {
      const contact = await getContact(ctx.db, ctx.user.id, action.contactId);
      if (!contact) return [{ text: [ctx.t.contactGone()] }];
      return answerIgnored(ctx, contact, action.choice);
    }
    case 'followup': {
      const contact = await getContact(ctx.db, ctx.user.id, action.contactId);
      return contact ? answerStale(ctx, contact, action.choice) : [{ text: [ctx.t.contactGone()] }];
    }
    case 'reminder':
      return answerReminder(ctx, action.reminderId, action.choice);
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
    case 'choose':
    case 'near':
    case 'unknown': {
      const { command, slot, resolved } = pending.payload;
      if (action.kind === 'pick') return allOrNothing(ctx, null, (c) => dispatch(c, command, withChoice(resolved, slot, action.contactId)));
      if (pending.kind !== 'choose' && (action.kind === 'add' || action.kind === 'yes')) {
        // Added with the command itself: one change, one undo step.
        return allOrNothing(ctx, null, (c) => dispatch(c, command, withAdd(resolved, slot, slotName(command, slot) ?? '')));
      }
      break;
    }
    case 'same': {
      const { command, slot, resolved = {} } = pending.payload;
      if (slot === undefined) {
        if (action.kind === 'same') return allOrNothing(ctx, null, (c) => dispatch(c, command, { ...resolved, name: action.contactId }));
        if (action.kind === 'new') return allOrNothing(ctx, null, (c) => dispatch(c, command, { ...resolved, createNew: true }));
      } else if (typeof slot === 'number') {
        if (action.kind === 'same') return allOrNothing(ctx, null, (c) => dispatch(c, command, withChoice(resolved, slot, action.contactId)));
        if (action.kind === 'new') return allOrNothing(ctx, null, (c) => dispatch(c, command, { ...resolved, fresh: [...(resolved.fresh ?? []), slot] }));
      }
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
