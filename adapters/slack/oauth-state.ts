/**
 * The `state` of the OAuth install flow, single use. bolt's default state is
 * signed and expires after ten minutes, but within those minutes it can be
 * used again: a second code with the same state would install a second
 * workspace. Here each state is signed the same way (the state secret) and
 * carries a random id; the redirect that uses it records the id in
 * keepwarm's database (inbound_events, shared by every instance), and a
 * second use is refused.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/store/schema.ts';
import { firstDelivery } from '../../src/store/inbound.ts';

/** As long as bolt's own state lives. */
const STATE_LIFETIME_MS = 10 * 60_000;

interface StatePayload {
  id: string;
  issuedAt: number;
  installOptions: InstallURLOptions;
}

export function singleUseStates(db: Kysely<DB>, secret: string, now: () => Date = () => new Date()): StateStore {
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
      if (!(await firstDelivery(db, 'slack-oauth-state', payload.id, now()))) throw new Error('the install link was used already; start again');
      return payload.installOptions;
    },
  };
}
