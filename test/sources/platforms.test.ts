/**
 * Secrets typed into Telegram and Slack: the real adapters against their
 * fake APIs, the real conversation syncing real servers (a local HTTP server,
 * Dovecot). On Telegram the message with the secret is deleted from the chat;
 * Slack cannot delete a user's DM message with a bot token, so the answer
 * asks the user to. Neither the password nor the secret URL reaches a log.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourcesAccess } from '../../src/bot/conversation.ts';
import type { Database } from '../../src/store/db.ts';
import { createSecretBox } from '../../src/sources/secret-box.ts';
import { createSourceSync } from '../../src/sources/runner.ts';
import { startCalendarServer, type CalendarServer } from '../doubles/calendar-server.ts';
import { NO_DOVECOT_REASON, dovecotAvailable, mailText, startDovecot, type TestDovecot } from '../doubles/dovecot.ts';
import { tgUser } from '../doubles/fake-telegram.ts';
import { parseTelegramHtml } from '../doubles/telegram-html.ts';
import { blocksText, startSlackTest, visible } from '../slack/harness.ts';
import { startHarness } from '../telegram/harness.ts';
import { calendarFixture } from './fixtures.ts';

const SECRET_PATH = '/google/private-9a7e/basic.ics';
const PASSWORD = 'tr0ub4dor & 3';

let server: CalendarServer;
let dovecot: TestDovecot | undefined;
beforeAll(async () => {
  server = await startCalendarServer();
  server.serve(SECRET_PATH, calendarFixture('google-secret-address'));
  if (dovecotAvailable) {
    dovecot = await startDovecot([{ user: 'ada', password: PASSWORD }]);
    dovecot.deliver('ada', 'Sent', [mailText({ from: 'ada@example.org', to: ['tom.berger@example.com'], date: new Date(), messageId: '<p1@example.org>' })]);
  }
});
afterAll(async () => {
  await server?.stop();
  await dovecot?.stop();
});
if (!dovecotAvailable) console.warn(`skipping the mailbox part of ${import.meta.filename}: ${NO_DOVECOT_REASON}`);

/** Sources for a conversation on the database the harness opens after this is made (`on.database`). */
function sourcesOn(on: { database?: Database }): SourcesAccess {
  const box = createSecretBox(randomBytes(32));
  let sync: ReturnType<typeof createSourceSync> | undefined;
  const runner = () => (sync ??= createSourceSync({ db: on.database!.db, box, limits: { allowPrivate: true } }));
  return { box, runSource: (userId, sourceId) => runner().runSource(userId, sourceId), runForUser: (userId) => runner().runForUser(userId) };
}

describe('Telegram', () => {
  const ada = tgUser(2001, 'Ada', { language_code: 'en' });

  it('deletes the message with the secret calendar URL and says so', async () => {
    const on: { database?: Database } = {};
    const h = await startHarness({ sources: sourcesOn(on) });
    on.database = h.database;
    try {
      const { update, calls } = await h.deliver(h.fake.text(ada, `/calendar ${server.url(SECRET_PATH)}`));
      const messageId = (update as unknown as { message: { message_id: number } }).message.message_id;
      expect(calls.filter((c) => c.method === 'deleteMessage').map((c) => c.payload)).toEqual([{ chat_id: 2001, message_id: messageId }]);
      expect(h.fake.holds(2001, messageId)).toBe(false);
      const answer = parseTelegramHtml(String(calls.find((c) => c.method === 'sendMessage')!.payload.text)).text;
      expect(answer).toContain('Connected your calendar 127.0.0.1');
      expect(answer).toContain('I deleted your message with the secret');
      expect(JSON.stringify(h.log.entries)).not.toContain('private-9a7e');
      // The menu offers the sources commands in both languages.
      for (const language of ['', 'de']) expect(h.fake.commands.get(language)!.map((c) => c.command)).toEqual(expect.arrayContaining(['calendar', 'mail', 'sources']));
    } finally {
      await h.close();
    }
  });

  it.skipIf(!dovecotAvailable)('asks for the app password, deletes the message that holds it, and logs it nowhere', async () => {
    const on: { database?: Database } = {};
    const h = await startHarness({ sources: sourcesOn(on) });
    on.database = h.database;
    try {
      await h.deliver(h.fake.text(ada, `/mail imap://127.0.0.1:${dovecot!.port} ada`));
      const { update, calls } = await h.deliver(h.fake.text(ada, PASSWORD));
      const messageId = (update as unknown as { message: { message_id: number } }).message.message_id;
      expect(h.fake.holds(2001, messageId)).toBe(false);
      const answer = parseTelegramHtml(String(calls.find((c) => c.method === 'sendMessage')!.payload.text)).text;
      expect(answer).toContain('Connected your mailbox 127.0.0.1');
      expect(JSON.stringify(h.log.entries)).not.toContain(PASSWORD);
    } finally {
      await h.close();
    }
  });
});

describe.skipIf(!dovecotAvailable)('Slack', () => {
  it('cannot delete the DM message with the password: the answer asks the user to', async () => {
    const on: { database?: Database } = {};
    const t = await startSlackTest({ sources: sourcesOn(on) });
    on.database = t.database;
    try {
      await t.sender.message('T1', 'U1', `/mail imap://127.0.0.1:${dovecot!.port} ada`);
      await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[0], 'the password question');
      await t.sender.message('T1', 'U1', PASSWORD);
      const call = await t.fake.waitFor(() => t.fake.callsTo('chat.postMessage')[1], 'the answer');
      const shown = visible(blocksText(call.args.blocks));
      expect(shown).toMatch(/Connected your mailbox \*127\.0\.0\.1\*/);
      expect(shown).toContain('Slack does not let me delete your message');
      expect(t.fake.callsTo('chat.delete')).toHaveLength(0);
      expect(JSON.stringify(t.logs)).not.toContain(PASSWORD);
    } finally {
      await t.stop();
    }
  });
});
