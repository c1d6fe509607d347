/**
 * A real mailbox (Dovecot): sent mail to a contact logs an `email` touch on
 * its date, once per Message-ID, by any of the contact's addresses; received
 * mail only with the inbox opt-in. keepwarm reads headers only, writes
 * nothing, resumes after the last UID and starts over when UIDVALIDITY changes.
 */
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSentFolder } from '../../src/sources/mailbox.ts';
import { ensureOperatorMailbox } from '../../src/sources/operator.ts';
import { connectSource, cursorsOf, listSources, setSourceOptions } from '../../src/store/sources.ts';
import { freePort } from '../doubles/net.ts';
import { NO_DOVECOT_REASON, dovecotAvailable, mailText, startDovecot, type TestDovecot } from '../doubles/dovecot.ts';
import { makeWorld, type World } from './world.ts';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const ADA = { user: 'ada', password: 'correct horse' };
const day = (d: number, h = 10) => new Date(Date.UTC(2026, 10, d, h));

describe('the Sent folder', () => {
  it('is the one the server marks \\Sent, else one recognised by name', () => {
    expect(findSentFolder([{ path: 'INBOX' }, { path: 'Gesendet' }, { path: 'Archiv/2025', specialUse: '\\Sent', specialUseSource: 'extension' }])).toBe('Archiv/2025');
    expect(findSentFolder([{ path: 'INBOX' }, { path: 'Sent Items', specialUse: '\\Sent', specialUseSource: 'name' }])).toBe('Sent Items');
    expect(findSentFolder([{ path: 'INBOX' }, { path: 'Gesendete Objekte' }])).toBe('Gesendete Objekte');
    expect(findSentFolder([{ path: 'INBOX' }, { path: 'Drafts' }])).toBeUndefined();
  });
});

if (!dovecotAvailable) console.warn(`skipping ${import.meta.filename}: ${NO_DOVECOT_REASON}`);
describe.skipIf(!dovecotAvailable)('a mailbox on Dovecot', () => {
  let dovecot: TestDovecot;
  beforeAll(async () => {
    dovecot = await startDovecot([ADA, { user: 'bea', password: 'other' }]);
    dovecot.deliver('ada', 'Sent', [
      mailText({ from: 'ada.quill@example.org', to: ['tom.berger@example.com'], date: day(20), messageId: '<s1@example.org>', body: 'SECRET-BODY-TEXT' }),
      mailText({ from: 'ada.quill@example.org', to: ['stranger@example.net'], cc: ['a.keller@keller-consulting.example'], date: day(21), messageId: '<s2@example.org>' }),
      // An old mail, before the window of the first sync.
      mailText({ from: 'ada.quill@example.org', to: ['lisa@kranz.example'], date: new Date(Date.UTC(2026, 6, 1)), messageId: '<old@example.org>' }),
    ]);
    dovecot.deliver('ada', 'INBOX', [mailText({ from: 'omar.haddad@example.net', to: ['ada.quill@example.org'], date: day(22), messageId: '<i1@example.net>' })]);
  });
  afterAll(async () => dovecot?.stop());

  async function connect(world: World, user = ADA) {
    return connectSource(world.database.db, world.user.id, { kind: 'imap', name: 'mail.example.org', host: dovecot.host, username: user.user, secret: user.password, options: { port: dovecot.port, tls: 'none' } }, world.box, NOW);
  }

  it('logs one email touch per sent mail to a contact, on its date, by any of the contact’s addresses', async () => {
    const world = await makeWorld(NOW);
    try {
      await connect(world);
      const [result] = await world.runner().runDue();
      expect(result).toMatchObject({ result: 'ok', summary: { added: 2, read: 2 } });
      expect((await world.touches()).map(({ contact, on, kind }) => ({ contact, on, kind }))).toEqual([
        { contact: 'Tom Berger', on: '2026-11-20', kind: 'email' },
        { contact: 'Anna Keller', on: '2026-11-21', kind: 'email' },
      ]);
      // Every touch points at the record of the mail that logged it.
      expect((await world.touches()).every((t) => t.sourceItemId !== null)).toBe(true);
    } finally {
      await world.close();
    }
  });

  it('reads headers only and changes nothing in the mailbox', async () => {
    const world = await makeWorld(NOW);
    try {
      await connect(world);
      await world.runner().runDue();
      const log = dovecot.log();
      const sessions = log.split('\n').filter((line) => line.includes('imap(ada)') && line.includes('Disconnected'));
      expect(sessions.length).toBeGreaterThan(0);
      for (const line of sessions) expect(line).toMatch(/body_count=0 body_bytes=0/);
      // mail_log records every flag change, copy, move, save or delete: there is none.
      expect(log).not.toMatch(/imap\(ada\)[^\n]*Info: (flag_change|delete|undelete|expunge|copy|save|mailbox_\w+):/);
      const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: ADA.user, pass: ADA.password }, logger: false });
      await client.connect();
      const lock = await client.getMailboxLock('Sent', { readOnly: true });
      const flags: string[][] = [];
      // \Recent belongs to the session that looks, not to the mail.
      for await (const m of client.fetch('1:*', { flags: true })) flags.push([...(m.flags ?? [])].filter((f) => f !== '\\Recent'));
      lock.release();
      await client.logout();
      expect(flags).toEqual([[], [], []]);
    } finally {
      await world.close();
    }
  });

  it('resumes after the last UID: a second sync reads only what is new, and logs nothing twice', async () => {
    const world = await makeWorld(NOW);
    try {
      const source = await connect(world);
      await world.runner().runDue();
      const [again] = await world.runner().runForUser(world.user.id);
      expect(again).toMatchObject({ result: 'ok', summary: { added: 0, read: 0 } });
      dovecot.deliver('ada', 'Sent', [mailText({ from: 'ada.quill@example.org', to: ['lisa@kranz.example'], date: day(23), messageId: '<s3@example.org>' })]);
      const [third] = await world.runner().runForUser(world.user.id);
      expect(third).toMatchObject({ result: 'ok', summary: { added: 1, read: 1 } });
      expect((await world.touches()).map((t) => t.contact)).toEqual(['Tom Berger', 'Anna Keller', 'Lisa Kranz']);
      const cursors = await cursorsOf(world.database.db, world.user.id, source.id);
      expect(cursors).toHaveLength(1);
      expect(cursors[0]).toMatchObject({ folder: 'sent', path: 'Sent' });
    } finally {
      await world.close();
    }
  });

  it('reads the Inbox only when the user opted in', async () => {
    const world = await makeWorld(NOW);
    try {
      const source = await connect(world);
      await world.runner().runDue();
      expect((await world.touches()).map((t) => t.contact)).not.toContain('Omar Haddad');
      await setSourceOptions(world.database.db, world.user.id, source.id, { inbox: true });
      await world.runner().runForUser(world.user.id);
      expect((await world.touches()).filter((t) => t.contact === 'Omar Haddad').map((t) => t.on)).toEqual(['2026-11-22']);
    } finally {
      await world.close();
    }
  });

  it('starts the folder over when UIDVALIDITY changes, and Message-IDs keep it from logging twice', async () => {
    const world = await makeWorld(NOW);
    try {
      await connect(world, { user: 'bea', password: 'other' });
      const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: 'bea', pass: 'other' }, logger: false });
      await client.connect();
      const mail = (id: string) => mailText({ from: 'bea@example.org', to: ['tom.berger@example.com'], date: day(25), messageId: id });
      await client.append('Sent', mail('<b1@example.org>'));
      await world.runner().runDue();
      expect(await world.touches()).toHaveLength(1);
      // The folder is deleted and made anew: its UIDs start over under a new UIDVALIDITY.
      await client.mailboxDelete('Sent');
      await client.mailboxCreate('Sent');
      await client.append('Sent', mail('<b1@example.org>'));
      await client.append('Sent', mail('<b2@example.org>'));
      await client.logout();
      const [result] = await world.runner().runForUser(world.user.id);
      expect(result).toMatchObject({ result: 'ok', summary: { added: 1, read: 2 } });
      expect(await world.touches()).toHaveLength(2);
    } finally {
      await world.close();
    }
  });

  it('a wrong password is answered auth_failed and changes nothing', async () => {
    const world = await makeWorld(NOW);
    try {
      await connect(world, { user: 'ada', password: 'wrong' });
      const [result] = await world.runner().runDue();
      expect(result).toMatchObject({ result: 'auth_failed' });
      expect(await world.touches()).toEqual([]);
      expect((await listSources(world.database.db, world.user.id))[0]).toMatchObject({ lastResult: 'auth_failed', failures: 1 });
    } finally {
      await world.close();
    }
  });

  it('the operator’s mailbox from the environment syncs with the password from the environment, none stored', async () => {
    const world = await makeWorld(NOW);
    try {
      const mailbox = { host: dovecot.host, port: dovecot.port, tls: 'none' as const, user: ADA.user, password: ADA.password, inbox: false, owner: undefined };
      const id = await ensureOperatorMailbox(world.database.db, mailbox, world.user.identity, NOW);
      expect(await ensureOperatorMailbox(world.database.db, mailbox, world.user.identity, NOW)).toBe(id);
      expect((await listSources(world.database.db, world.user.id))[0]).toMatchObject({ origin: 'env', hasSecret: false });
      const [result] = await world.runner({ env: { operatorMailboxPassword: ADA.password } }).runDue();
      expect(result).toMatchObject({ result: 'ok' });
      expect((await world.touches()).length).toBeGreaterThan(0);
    } finally {
      await world.close();
    }
  });

  it('a host where nothing listens is answered unreachable and changes nothing', async () => {
    const world = await makeWorld(NOW);
    try {
      await connectSource(world.database.db, world.user.id, { kind: 'imap', name: 'mail', host: '127.0.0.1', username: 'ada', secret: 'x', options: { port: await freePort(), tls: 'none' } }, world.box, NOW);
      const [result] = await world.runner().runDue();
      expect(result).toMatchObject({ result: 'unreachable' });
      expect(await world.touches()).toEqual([]);
    } finally {
      await world.close();
    }
  });
});
