/**
 * The `state` of the OAuth install flow, single use. bolt's default state is
 * signed and expires after ten minutes, but within those minutes it can be
 * used again: a second code with the same state would install a second
 * workspace. Here each state is signed the same way (the state secret) and
 * carries a random id; the redirect that uses it records the id in the
 * adapter's own table (slack_oauth_states, shared by every instance), and a
 * second use is refused.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import type { Kysely } from 'kysely';

/** The adapter's own table (migration 2026-12-05-0016), kept out of the shared schema. */
interface StatesTables {
  slack_oauth_states: { state_id: string; used_at: string };
}

/** As long as bolt's own state lives. */
const STATE_LIFETIME_MS = 10 * 60_000;

interface StatePayload {
  id: string;
  issuedAt: number;
  installOptions: InstallURLOptions;
}

/** True the first time `id` is used; a used id older than a day is forgotten meanwhile. */
async function firstUse(db: Kysely<StatesTables>, id: string, at: Date): Promise<boolean> {
  await db.deleteFrom('slack_oauth_states').where('used_at', '<', new Date(at.getTime() - 24 * 3600_000).toISOString()).execute();
  const result = await db
    .insertInto('slack_oauth_states')
    .values({ state_id: id, used_at: at.toISOString() })
    .onConflict((oc) => oc.column('state_id').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export function singleUseStates<T>(database: Kysely<T>, secret: string, now: () => Date = () => new Date()): StateStore {
  const db = database as unknown as Kysely<StatesTables>;
  const sign = (data: string) => createHmac('sha256', secret).update(data).digest('base64url');
  return {
    async generateStateParam(installOptions, issued) {
      const payload: StatePayload = { id: randomBytes(16).toString('base64url'), issuedAt: issued.getTime(), installOptions };
      const data = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${data}.${sign(data)}`;
    },
    async verifyStateParam(at, state) {
      const [data = '', signature = ''] = state.split('.');
      const expected = Buffer.from(sign(data));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('the install link is not valid');
      const payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as StatePayload;
      if (at.getTime() - payload.issuedAt > STATE_LIFETIME_MS) throw new Error('the install link expired; start again');
      // The first use records the id; every instance sees it.
      if (!(await firstUse(db, payload.id, now()))) throw new Error('the install link was used already; start again');
      return payload.installOptions;
    },
  };
}
