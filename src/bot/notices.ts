/**
 * What keepwarm says on a platform of its own accord, not as the answer to a
 * command ("I work in a private chat only", "that file is too large"), and
 * what a platform tells keepwarm about a person (they blocked the bot). The
 * adapters ask the conversation for these, so the person's language, the
 * de-duplication of platform retries and the users table stay behind one door.
 */
import type { Kysely } from 'kysely';
import type { Platform, PlatformIdentity } from '../core/identity.ts';
import { catalog } from '../i18n/index.ts';
import type { Messages } from '../i18n/messages.ts';
import type { Line } from '../port.ts';
import { firstDelivery } from '../store/inbound.ts';
import type { DB } from '../store/schema.ts';
import { findUser, languageOf, markInactive } from '../store/users.ts';

/** The catalog's platform notices: the `telegram…`, `slack…` and `console…` messages of one line, and that messages came too fast (src/user-limit.ts). */
export type NoticeKey = {
  [K in keyof Messages]: K extends `telegram${string}` | `slack${string}` | `console${string}` | 'tooFast' ? (Messages[K] extends (...args: never[]) => Line ? K : never) : never;
}[keyof Messages];

export type NoticeArgs<K extends NoticeKey> = Messages[K] extends (...args: infer A) => Line ? A : never;

/** Whom a notice is for. */
export interface NoticeTarget {
  platform: Platform;
  /** The person, when the platform names one (a channel post does not): the language they chose wins. */
  who?: PlatformIdentity;
  /** The platform's idea of their language (`de`, `en_US`), until they choose one. */
  locale?: string;
  now?: Date;
}

export async function notice<K extends NoticeKey>(db: Kysely<DB>, to: NoticeTarget, key: K, args: NoticeArgs<K>): Promise<Line> {
  const user = to.who ? await findUser(db, to.who) : undefined;
  const t = catalog(user?.language ?? languageOf(to.locale));
  return (t[key] as (...args: NoticeArgs<K>) => Line)(...args);
}

/** The same notice once per platform event: nothing for a redelivery of `eventId`. */
export async function noticeOnce<K extends NoticeKey>(db: Kysely<DB>, to: NoticeTarget, eventId: string, key: K, args: NoticeArgs<K>): Promise<Line | undefined> {
  if (!(await firstDelivery(db, to.platform, eventId, to.now ?? new Date()))) return undefined;
  return notice(db, to, key, args);
}

/** The person blocked keepwarm or left: no nudges until they write again. Returns keepwarm's id of them, for the log. */
export async function blocked(db: Kysely<DB>, who: PlatformIdentity): Promise<number | undefined> {
  const user = await findUser(db, who);
  if (user) await markInactive(db, user.id);
  return user?.id;
}
