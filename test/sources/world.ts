/**
 * A keepwarm database for the sources tests: one user in Berlin with the
 * invented network of the fixtures, an operator key, and a sync runner that
 * may reach servers on 127.0.0.1 (the test's own).
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_CADENCES } from '../../src/core/types.ts';
import { createSecretBox, type SecretBox } from '../../src/sources/secret-box.ts';
import { createSourceSync, type SourceSyncOptions } from '../../src/sources/runner.ts';
import { withChange } from '../../src/store/change.ts';
import { addContactEmail } from '../../src/store/contact-emails.ts';
import { createContact } from '../../src/store/contacts.ts';
import type { Database } from '../../src/store/db.ts';
import { ensureUser, updateUserSettings, type User } from '../../src/store/users.ts';
import { testDatabase } from '../doubles/database.ts';
import { NETWORK } from './fixtures.ts';

export interface World {
  database: Database;
  user: User;
  box: SecretBox;
  /** Contact id by name. */
  ids: Map<string, number>;
  runner(options?: Partial<SourceSyncOptions>): ReturnType<typeof createSourceSync>;
  touches(): Promise<{ contact: string; on: string; kind: string; sourceItemId: number | null }[]>;
  close(): Promise<void>;
}

export async function addNetwork(database: Database, user: User, now: Date): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await withChange(database.db, { id: user.id, cadences: DEFAULT_CADENCES }, now, null, async (change) => {
    for (const c of NETWORK) {
      const id = await createContact(change, { name: c.name, tier: 'A', source: 'add', email: c.email, createdOn: '2026-01-01' });
      for (const more of c.more) await addContactEmail(change, id, more);
      ids.set(c.name, id);
    }
  });
  return ids;
}

export async function makeWorld(now: Date, name = 'ada'): Promise<World> {
  const database = await testDatabase();
  let user = await ensureUser(database.db, { platform: 'console', teamId: '', userId: name }, { chatId: name, timeZone: 'Europe/Berlin' }, now);
  await withChange(database.db, user, now, null, (change) => updateUserSettings(change, { time_zone: 'Europe/Berlin' }));
  user = { ...user, timeZone: 'Europe/Berlin' };
  const ids = await addNetwork(database, user, now);
  const box = createSecretBox(randomBytes(32));
  const names = new Map([...ids].map(([n, id]) => [id, n]));
  return {
    database,
    user,
    box,
    ids,
    runner: (options = {}) => createSourceSync({ db: database.db, box, limits: { allowPrivate: true }, now: () => now, ...options }),
    async touches() {
      const rows = await database.db
        .selectFrom('touches')
        .select(['contact_id', 'touched_on', 'kind', 'source_item_id'])
        .where('user_id', '=', user.id)
        .orderBy('touched_on')
        .orderBy('contact_id')
        .execute();
      return rows.map((r) => ({ contact: names.get(r.contact_id) ?? String(r.contact_id), on: r.touched_on, kind: r.kind, sourceItemId: r.source_item_id }));
    },
    close: () => database.close(),
  };
}
