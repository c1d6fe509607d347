/**
 * The one open question per user, as the conversation knows it: each kind
 * with the payload it keeps until the answer comes ("which Anna?" keeps the
 * command to run again). Stored by src/store/pending.ts as a kind and a
 * JSON payload; only `ask` writes them, so a stored kind names its payload.
 */
import type { Command } from '../commands/command.ts';
import { clearPending, getPending, newToken, setPending } from '../store/pending.ts';
import type { ImapTls } from '../sources/model.ts';
import type { Ctx, Resolved } from './context.ts';

/** Where a name sits in a command: its `name`, the `other` of an intro, or a place in `names`. */
export type Slot = 'name' | 'other' | number;

/** "Which Anna?" / "I don't know Bob — add him?": the command to run again once the slot is known. */
export interface ChoosePayload {
  command: Command;
  slot: Slot;
  resolved: Resolved;
}

export type Question =
  /** Several contacts fit a name: a button each. */
  | { kind: 'choose'; payload: ChoosePayload }
  /** No contact fits: add one? */
  | { kind: 'unknown'; payload: ChoosePayload }
  /** No contact fits, but some nearly do: did you mean …? (or add it). */
  | { kind: 'near'; payload: ChoosePayload & { suggestions: number[] } }
  /** /met or /add of a known name: the same person, or a new contact? */
  | { kind: 'same'; payload: { command: Extract<Command, { intent: 'met' | 'add' }>; slot?: Slot; resolved?: Resolved; existing?: number[] } }
  /** A /review card is showing: "behalten" / "archivieren" typed answer it. */
  | { kind: 'review'; payload: { contactId: number } }
  /** /delete asks first. */
  | { kind: 'delete'; payload: { contactId: number } }
  /** A file read and planned (import_plans): import it? */
  | { kind: 'import'; payload: { planId: number } }
  /** The card list's "add the address" button: the next message is the address. */
  | { kind: 'address'; payload: { contactId: number } }
  /** /forget waits for the typed word. */
  | { kind: 'forget'; payload: Record<string, never> }
  /** /calendar caldav and /mail wait for the password: the next message is it, never a command (handlers/sources.ts). */
  | { kind: 'secret'; payload: SecretPayload };

/** Where the awaited password belongs: everything but the password itself, which is never stored unsealed. */
export type SecretPayload =
  | { source: 'caldav'; url: string; user: string; askedAt: string }
  | { source: 'imap'; host: string; port: number; tls: ImapTls; user: string; askedAt: string };

type QuestionKind = Question['kind'];
export type PayloadOf<K extends QuestionKind> = Extract<Question, { kind: K }>['payload'];

/** An asked question and the token its buttons carry. */
export type OpenQuestion = Question & { token: string };

const KINDS: ReadonlySet<string> = new Set<QuestionKind>(['choose', 'unknown', 'near', 'same', 'review', 'delete', 'import', 'forget', 'address', 'secret']);

/**
 * Asks `question`, replacing any open one; returns the token for its buttons.
 * Inside an all-or-nothing change the question waits until the change is
 * rolled back (handlers/undoable.ts).
 */
export async function ask(ctx: Ctx, question: Question): Promise<string> {
  if (ctx.current && ctx.deferred) {
    const token = newToken();
    ctx.deferred.question = { kind: question.kind, payload: question.payload, token };
    return token;
  }
  return setPending(ctx.db, ctx.user.id, question.kind, question.payload, ctx.now);
}

/** The user's open question, unless it expired (or was stored by a version that knew other kinds). */
export async function openQuestion(ctx: Ctx): Promise<OpenQuestion | undefined> {
  const pending = await getPending<unknown>(ctx.db, ctx.user.id, ctx.now);
  return pending && isQuestion(pending) ? pending : undefined;
}

function isQuestion(pending: { token: string; kind: string; payload: unknown }): pending is OpenQuestion {
  return KINDS.has(pending.kind);
}

/** Takes the open question away when it is of this kind (a review that ended). */
export async function clearQuestion(ctx: Ctx, kind: QuestionKind): Promise<void> {
  const pending = await openQuestion(ctx);
  if (pending?.kind === kind) await clearPending(ctx.db, ctx.user.id, pending.token);
}
