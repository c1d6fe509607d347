/**
 * Sources in the store: credentials are sealed with the operator's key and
 * refused without one, lists never show them, every row is the owner's, a
 * contact's further addresses come back with an undone delete, claims give
 * each source to one instance at a time, and a failing source is told to its
 * user once.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { SYNC_EVERY_MS, retryDelayMs } from '../../src/sources/runner.ts';
import { createSecretBox, NoSecretKeyError, parseSecretKey, SecretUnreadable } from '../../src/sources/secret-box.ts';
import { undoLast, withChange } from '../../src/store/change.ts';
import { addressBook, contactAddresses } from '../../src/store/contact-emails.ts';
import { deleteContact } from '../../src/store/contacts.ts';
import { claimSources, connectSource, disconnectSource, getSource, listSources, sealedSecretOf } from '../../src/store/sources.ts';
import { ensureUser } from '../../src/store/users.ts';
import { startCalendarServer } from '../doubles/calendar-server.ts';
import { calendarFixture, NOW } from './fixtures.ts';
import { makeWorld } from './world.ts';

describe('the secret box', () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  it('opens what it sealed, for the same user only', () => {
    const sealed = box.seal(1, 'app password');
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(sealed).not.toContain('app password');
    expect(box.open(1, sealed)).toBe('app password');
    expect(() => box.open(2, sealed)).toThrow(SecretUnreadable);
  });

  it('tells another key from damaged data', () => {
    const sealed = box.seal(1, 'x');
    expect(() => createSecretBox(randomBytes(32)).open(1, sealed)).toThrow(expect.objectContaining({ reason: 'other_key' }));
    expect(() => box.open(1, sealed.slice(0, -4) + 'AAAA')).toThrow(expect.objectContaining({ reason: 'damaged' }));
  });

  it('reads keys as base64 or hex of 32 bytes and nothing else', () => {
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey('too short')).toBeUndefined();
    expect(parseSecretKey(randomBytes(16).toString('base64'))).toBeUndefined();
  });

  it('the configuration refuses a malformed key without echoing it', () => {
    expect(() => loadConfig({ KEEPWARM_SECRET_KEY: 'hunter2-not-a-key' })).toThrow(/KEEPWARM_SECRET_KEY: must be 32 random bytes/);
    expect(() => loadConfig({ KEEPWARM_SECRET_KEY: 'hunter2-not-a-key' })).not.toThrow(/hunter2/);
    expect(loadConfig({ KEEPWARM_SECRET_KEY: key.toString('base64') }).secretBox?.keyId).toBe(box.keyId);
    expect(loadConfig({}).secretBox).toBeUndefined();
  });

  it('the operator mailbox needs host, user and password together', () => {
    expect(() => loadConfig({ KEEPWARM_IMAP_HOST: 'imap.example.org' })).toThrow(/KEEPWARM_IMAP_HOST, KEEPWARM_IMAP_USER and KEEPWARM_IMAP_PASSWORD together/);
    expect(loadConfig({ KEEPWARM_IMAP_HOST: 'imap.example.org', KEEPWARM_IMAP_USER: 'ada', KEEPWARM_IMAP_PASSWORD: 'p' }).operatorMailbox).toMatchObject({ port: 993, tls: 'implicit', inbox: false });
  });
});

describe('sources in the store', () => {
  it('refuse to store credentials without the operator’s key, with a typed error, and store nothing', async () => {
    const world = await makeWorld(NOW);
    try {
      await expect(connectSource(world.database.db, world.user.id, { kind: 'ical', name: 'cal', secret: 'https://example.org/secret.ics' }, undefined, NOW)).rejects.toThrow(NoSecretKeyError);
      expect(await listSources(world.database.db, world.user.id)).toEqual([]);
    } finally {
      await world.close();
    }
  });

  it('keep credentials sealed, show lists without them, and erase them on disconnect', async () => {
    const world = await makeWorld(NOW);
    try {
      const source = await connectSource(world.database.db, world.user.id, { kind: 'imap', name: 'mail', host: 'imap.example.org', username: 'ada', secret: 'plain-app-password' }, world.box, NOW);
      const sealed = await sealedSecretOf(world.database.db, world.user.id, source.id);
      expect(sealed).not.toContain('plain-app-password');
      expect(world.box.open(world.user.id, sealed!)).toBe('plain-app-password');
      expect(JSON.stringify(await listSources(world.database.db, world.user.id))).not.toContain(sealed!);
      expect(await disconnectSource(world.database.db, world.user.id, source.id)).toBe(true);
      const rows = await world.database.db.selectFrom('sources').select('secret').execute();
      expect(rows).toEqual([]);
    } finally {
      await world.close();
    }
  });

  it('belong to their user: another user neither sees nor removes them', async () => {
    const world = await makeWorld(NOW);
    try {
      const source = await connectSource(world.database.db, world.user.id, { kind: 'ical', name: 'cal', secret: 'https://example.org/a.ics' }, world.box, NOW);
      const other = await ensureUser(world.database.db, { platform: 'console', teamId: '', userId: 'mallory' }, {}, NOW);
      expect(await listSources(world.database.db, other.id)).toEqual([]);
      expect(await getSource(world.database.db, other.id, source.id)).toBeUndefined();
      expect(await disconnectSource(world.database.db, other.id, source.id)).toBe(false);
      expect(await listSources(world.database.db, world.user.id)).toHaveLength(1);
    } finally {
      await world.close();
    }
  });

  it('a contact’s further addresses are matched, and come back when its deletion is undone', async () => {
    const world = await makeWorld(NOW);
    try {
      const anna = world.ids.get('Anna Keller')!;
      expect(await contactAddresses(world.database.db, world.user.id, anna)).toEqual(['anna.keller@example.org', 'a.keller@keller-consulting.example']);
      expect((await addressBook(world.database.db, world.user.id)).get('a.keller@keller-consulting.example')).toEqual([anna]);
      await withChange(world.database.db, world.user, NOW, 'delete', (change) => deleteContact(change, anna));
      expect(await contactAddresses(world.database.db, world.user.id, anna)).toEqual([]);
      await withChange(world.database.db, world.user, NOW, null, (change) => undoLast(change));
      expect(await contactAddresses(world.database.db, world.user.id, anna)).toEqual(['anna.keller@example.org', 'a.keller@keller-consulting.example']);
    } finally {
      await world.close();
    }
  });

  it('a claim gives a due source to one taker; the next finds it taken until the lease runs out', async () => {
    const world = await makeWorld(NOW);
    try {
      await connectSource(world.database.db, world.user.id, { kind: 'ical', name: 'cal', secret: 'https://example.org/a.ics' }, world.box, NOW);
      const first = await claimSources(world.database.db, NOW, { limit: 10, leaseMs: 60_000 });
      const second = await claimSources(world.database.db, NOW, { limit: 10, leaseMs: 60_000 });
      expect(first).toHaveLength(1);
      expect(second).toEqual([]);
      expect(await claimSources(world.database.db, NOW, { limit: 10, leaseMs: 60_000, userId: world.user.id })).toEqual([]);
      const afterLease = await claimSources(world.database.db, new Date(NOW.getTime() + 61_000), { limit: 10, leaseMs: 60_000 });
      expect(afterLease).toHaveLength(1);
      expect(afterLease[0]!.token).not.toBe(first[0]!.token);
    } finally {
      await world.close();
    }
  });

  it('failures back off from 15 minutes to at most 6 hours', () => {
    expect(retryDelayMs(1)).toBe(SYNC_EVERY_MS);
    expect(retryDelayMs(3)).toBe(4 * SYNC_EVERY_MS);
    expect(retryDelayMs(30)).toBe(6 * 3600_000);
  });
});

describe('a source that keeps failing', () => {
  it('is told to its user once, in their language, however often it fails; after a success, a new streak is told again', async () => {
    const world = await makeWorld(NOW);
    const server = await startCalendarServer();
    try {
      await world.database.db.updateTable('users').set({ language: 'de' }).where('id', '=', world.user.id).execute();
      await connectSource(world.database.db, world.user.id, { kind: 'ical', name: 'Arbeitskalender', secret: server.url('/work.ics') }, world.box, NOW);
      const outbox = () => world.database.db.selectFrom('outbox').select('payload').where('user_id', '=', world.user.id).execute();
      let now = NOW;
      const sync = async () => {
        const [result] = await world.runner({ now: () => now }).runDue();
        now = new Date(now.getTime() + 7 * 3600_000);
        return result;
      };
      for (let i = 0; i < 6; i++) expect(await sync()).toMatchObject({ result: 'http_error', reported: i === 2 });
      const messages = await outbox();
      expect(messages).toHaveLength(1);
      const text = JSON.stringify(JSON.parse(messages[0]!.payload!));
      expect(text).toContain('Arbeitskalender');
      expect(text).toContain('antwortet mit einem Fehler');
      server.serve('/work.ics', calendarFixture('apple-icloud'));
      expect(await sync()).toMatchObject({ result: 'ok' });
      expect((await listSources(world.database.db, world.user.id))[0]).toMatchObject({ failures: 0, lastResult: 'ok' });
      server.serve('/work.ics', (res) => res.writeHead(500).end());
      for (let i = 0; i < 3; i++) await sync();
      expect(await outbox()).toHaveLength(2);
    } finally {
      await server.stop();
      await world.close();
    }
  });
});
