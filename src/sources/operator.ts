/**
 * The operator's mailbox (KEEPWARM_IMAP_*): for a single-user install, one
 * mailbox connected from the environment instead of the chat. Its password
 * stays in the environment — the row holds no secret, and a sync reads it
 * from the configuration — so it needs no KEEPWARM_SECRET_KEY.
 */
import type { Kysely } from 'kysely';
import type { OperatorMailbox } from '../config.ts';
import type { PlatformIdentity } from '../core/identity.ts';
import type { DB } from '../store/schema.ts';
import { connectSource } from '../store/sources.ts';
import { ensureUser } from '../store/users.ts';

/** Makes sure the configured mailbox is the owner's one `env` source; returns its id. */
export async function ensureOperatorMailbox(db: Kysely<DB>, mailbox: OperatorMailbox, owner: PlatformIdentity, now: Date): Promise<number> {
  const user = await ensureUser(db, owner, {}, now);
  const options = JSON.stringify({ port: mailbox.port, tls: mailbox.tls, inbox: mailbox.inbox });
  const existing = await db.selectFrom('sources').selectAll().where('origin', '=', 'env').execute();
  const mine = existing.find((s) => s.user_id === user.id && s.host === mailbox.host && s.username === mailbox.user);
  // A mailbox the environment no longer names is no longer synced.
  for (const s of existing) if (s !== mine) await db.deleteFrom('sources').where('id', '=', s.id).where('user_id', '=', s.user_id).execute();
  if (mine) {
    if (mine.options !== options) await db.updateTable('sources').set({ options }).where('id', '=', mine.id).where('user_id', '=', user.id).execute();
    return mine.id;
  }
  const created = await connectSource(db, user.id, { kind: 'imap', name: mailbox.host, host: mailbox.host, username: mailbox.user, origin: 'env', options: { port: mailbox.port, tls: mailbox.tls, inbox: mailbox.inbox } }, undefined, now);
  return created.id;
}
