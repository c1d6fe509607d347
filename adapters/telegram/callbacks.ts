/**
 * `callback_data` is at most 64 bytes. keepwarm's own payloads are shorter,
 * but the limit is enforced here rather than trusted: a longer payload is
 * stored under a random key (table `telegram_callbacks`) and the key travels
 * in the button instead. Keys are unguessable and only ever map back to a
 * payload, which the bot re-checks against the pressing user's data anyway.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

export const CALLBACK_DATA_LIMIT = 64;
const KEY_PREFIX = 'cb:';
/** Old keys are dropped after this long; a button that old answers "unknown button". */
const KEEP_MS = 90 * 24 * 3600_000;

interface CallbackTables {
  telegram_callbacks: { key: string; payload: string; created_at: string };
}

export interface CallbackStore {
  /** The `callback_data` for a payload: the payload itself when it fits. */
  encode(payload: string): Promise<string>;
  /** The payload behind a pressed button's data, or the data itself. */
  decode(data: string): Promise<string>;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function callbackStore<T>(database: Kysely<T>, now: () => Date = () => new Date()): CallbackStore {
  const db = database as unknown as Kysely<CallbackTables>;
  let lastPrune = 0;
  return {
    async encode(payload) {
      if (byteLength(payload) <= CALLBACK_DATA_LIMIT && !payload.startsWith(KEY_PREFIX)) return payload;
      const at = now();
      const key = KEY_PREFIX + randomBytes(16).toString('base64url');
      await db.insertInto('telegram_callbacks').values({ key, payload, created_at: at.toISOString() }).execute();
      if (at.getTime() - lastPrune > 24 * 3600_000) {
        lastPrune = at.getTime();
        await db.deleteFrom('telegram_callbacks').where('created_at', '<', new Date(at.getTime() - KEEP_MS).toISOString()).execute();
      }
      return key;
    },
    async decode(data) {
      if (!data.startsWith(KEY_PREFIX)) return data;
      const row = await db.selectFrom('telegram_callbacks').select('payload').where('key', '=', data).executeTakeFirst();
      return row?.payload ?? data;
    },
  };
}
