/** What every command handler receives. */
import type { Kysely } from 'kysely';
import type { Command } from '../commands/command.ts';
import type { LocalDate } from '../core/types.ts';
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
  /** The user's working days: every date keepwarm suggests falls on one (src/core/working-day.ts). */
  workdays: WorkingDaySettings;
  /** Calendars and mailboxes; undefined where keepwarm runs without them (then the commands say so). */
  sources?: SourcesAccess;
}

/** Contacts already chosen for a command's name slots (after "which Anna?"). */
export interface Resolved {
  name?: number;
  other?: number;
  /** /met: the user said it is not the person already known by that name. */
  createNew?: boolean;
}

export type Handler<C extends Command = Command> = (ctx: Ctx, command: C, resolved: Resolved) => Promise<Reply[]>;
