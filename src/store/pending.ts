/**
 * The one open question per user ("which Anna?", "really delete Tom?"). Kept
 * in the database so the answer can reach any instance and survive a restart.
 * The token ties buttons to the question they belong to: a button of an older
 * question finds nothing.
 */
import type { Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { DB } from './schema.ts';

export interface Pending<T = unknown> {
  token: string;
  kind: string;
  payload: T;
}

const QUESTION_LIFETIME_MS = 24 * 3600_000;

/** A fresh token for a question's buttons. */
export function newToken(): string {
  return randomBytes(4).toString('hex');
}

export async function setPending(db: Kysely<DB>, userId: number, kind: string, payload: unknown, now: Date, token = newToken()): Promise<string> {
  const row = {
    user_id: userId,
    token,
    kind,
    payload: JSON.stringify(payload),
    expires_at: new Date(now.getTime() + QUESTION_LIFETIME_MS).toISOString(),
  };
  await db
    .insertInto('pending')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token: row.token, kind: row.kind, payload: row.payload, expires_at: row.expires_at }))
    .execute();
  return token;
}

export async function getPending<T>(db: Kysely<DB>, userId: number, now: Date): Promise<Pending<T> | undefined> {
  const row = await db
    .selectFrom('pending')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row && { token: row.token, kind: row.kind, payload: JSON.parse(row.payload) as T };
}

/**
 * Takes the question away (answered or replaced). Returns false when it was
 * already gone, so two deliveries of one button press act once.
 */
export async function clearPending(db: Kysely<DB>, userId: number, token?: string): Promise<boolean> {
  let query = db.deleteFrom('pending').where('user_id', '=', userId);
  if (token !== undefined) query = query.where('token', '=', token);
  const result = await query.executeTakeFirst();
  return result.numDeletedRows > 0n;
}
