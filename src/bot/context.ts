/** What every command handler receives. */
import type { Kysely } from 'kysely';
import type { Command } from '../commands/command.ts';
import type { LocalDate } from '../core/types.ts';
import type { Change } from '../store/change.ts';
import type { WorkingDaySettings } from '../core/working-day.ts';
import type { DB } from '../store/schema.ts';
import type { User } from '../store/users.ts';
import type { Messages } from '../i18n/messages.ts';
import type { Incoming, Reply } from '../port.ts';
import type { SourceRunResult } from '../sources/runner.ts';
import type { SecretBox } from '../sources/secret-box.ts';

/** What the conversation may do with calendars and mailboxes (main.ts gives it; tests give their own). */
export interface SourcesAccess {
  /** The operator's key; undefined when KEEPWARM_SECRET_KEY is not set. */
  box: SecretBox | undefined;
  /** Syncs one of the user's sources now (the check of a new one); empty when another instance holds it. */
  runSource(userId: number, sourceId: number): Promise<SourceRunResult[]>;
  /** Syncs all of the user's sources now. */
  runForUser(userId: number): Promise<SourceRunResult[]>;
}

export interface Ctx {
  db: Kysely<DB>;
  user: User;
  now: Date;
  /** The user's calendar date at `now`. */
  today: LocalDate;
  t: Messages;
  incoming: Incoming;
  /**
   * The change a message runs in when it must be one undo step and all or
   * nothing (several people, a contact added on the way): `db` is then its
   * transaction, and handlers' own changes join it (handlers/undoable.ts).
   */
  current?: Change;
  /** A question asked inside `current`: written only once the change is rolled back (nothing is applied before the answer). */
  deferred?: { question?: { kind: string; payload: unknown; token: string }; added?: string[] };
  /** The user's working days: every date keepwarm suggests falls on one (src/core/working-day.ts). */
  workdays: WorkingDaySettings;
  /** Calendars and mailboxes; undefined where keepwarm runs without them (then the commands say so). */
  sources?: SourcesAccess;
}

/** Contacts already chosen for a command's name slots (after "which Anna?"). Kept as JSON with an open question. */
export interface Resolved {
  name?: number;
  other?: number;
  /** /met: the user said it is not the person already known by that name. */
  createNew?: boolean;
  /** Several people ("called Tom, Lisa and Omar"): the contact chosen for each name, by its place in `names`. */
  people?: Record<string, number>;
  /** Names the user agreed to add, by slot (`name`, `other` or a place in `names`); created with the command itself. */
  adds?: Record<string, string>;
  /** /met of several: places in `names` the user confirmed as new acquaintances although the name is known. */
  fresh?: number[];
}

export type Handler<C extends Command = Command> = (ctx: Ctx, command: C, resolved: Resolved) => Promise<Reply[]>;
