/**
 * keepwarm on Telegram, end to end: the real grammY bot (runner, long
 * polling) against the fake Bot API, on a real SQLite database. Each test
 * reads like the chat: the user's update goes in, the Bot API calls come out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { plainApi } from '../../adapters/telegram/client.ts';
import { telegramConfig } from '../../adapters/telegram/config.ts';
import { downloadFile, FileTooLarge } from '../../adapters/telegram/files.ts';
import type { Conversation } from '../../src/bot/conversation.ts';
import type { Incoming } from '../../src/port.ts';
import { tgUser, type Payload } from '../doubles/fake-telegram.ts';
import { readPicture } from '../doubles/png.ts';
import { parseTelegramHtml } from '../doubles/telegram-html.ts';
import { startHarness, until, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.close());

const ada = tgUser(1001, 'Ada', { language_code: 'en' });
const sent = (calls: { method: string; payload: Payload; errorCode?: number }[], method = 'sendMessage') =>
  calls.filter((c) => c.method === method && c.errorCode === undefined).map((c) => c.payload);
const shown = (payload: Payload) => parseTelegramHtml(String(payload.text)).text;

describe('starting', () => {
  it('registers the command menu in English and, for language_code de, in German, for private chats', async () => {
    h = await startHarness();
    const en = h.fake.commands.get('')!;
    const de = h.fake.commands.get('de')!;
    expect(en.map((c) => c.command)).toEqual(de.map((c) => c.command));
    expect(en.map((c) => c.command)).toEqual(expect.arrayContaining(['met', 'today', 'done', 'help', 'export', 'undo']));
    expect(en.find((c) => c.command === 'today')!.description).toBe('Who to contact today');
    expect(de.find((c) => c.command === 'today')!.description).toBe('Wen du heute kontaktieren solltest');
    const calls = h.fake.calls.filter((c) => c.method === 'setMyCommands').map((c) => c.payload);
    expect(calls.map((p) => [p.scope, p.language_code])).toEqual([
      [{ type: 'all_private_chats' }, undefined],
      [{ type: 'all_private_chats' }, 'de'],
    ]);
    // Long polling: any webhook is removed first, then only the updates keepwarm acts on are asked for.
    await h.fake.waitFor('getUpdates');
    expect(h.fake.calls.map((c) => c.method).slice(0, 5)).toEqual(['getMe', 'setMyCommands', 'setMyCommands', 'deleteWebhook', 'getUpdates']);
    expect(h.fake.calls.find((c) => c.method === 'getUpdates')!.payload.allowed_updates).toEqual(['message', 'callback_query', 'channel_post', 'my_chat_member']);
  });
});

describe('a /met conversation', () => {
  it('answers in HTML in the private chat, asks "which Anna?" with buttons, and a press logs the touch', async () => {
    h = await startHarness();
    const first = await h.deliver(h.fake.text(ada, '/met Anna Schmidt at Verbandstagung, tier A'));
    expect(sent(first.calls)).toHaveLength(1);
    expect(sent(first.calls)[0]).toMatchObject({ chat_id: 1001, parse_mode: 'HTML' });
    expect(shown(sent(first.calls)[0]!)).toContain('Met Anna Schmidt at Verbandstagung');
    expect(sent(first.calls)[0]!.text).toContain('<b>Anna Schmidt</b>');

    // The command parser understands /cmd@BotName as Telegram sends it from the menu.
    await h.deliver(h.fake.text(ada, '/met@KeepwarmTestBot Anna Berg at Web Summit'));
    const question = await h.deliver(h.fake.text(ada, 'called Anna yesterday'));
    const ask = sent(question.calls)[0]!;
    expect(shown(ask)).toBe('2 contacts match Anna — which one?');
    const buttons = (ask.reply_markup.inline_keyboard as Payload[][]).map((row) => row.map((b) => b.text));
    expect(buttons).toEqual([['Anna Berg (B, Web Summit)'], ['Anna Schmidt (A, Expo)'.replace('Expo', 'Verbandstagung')]]);

    const schmidt = (ask.reply_markup.inline_keyboard as Payload[][])[1]![0]!;
    const questionMessage = h.fake.botMessages(1001).at(-1)!;
    const pressed = await h.deliver(h.fake.press(ada, questionMessage.messageId, schmidt.callback_data));
    expect(pressed.calls.map((c) => c.method)).toContain('answerCallbackQuery');
    expect(shown(sent(pressed.calls)[0]!)).toContain('Logged a call with Anna Schmidt');
    const touches = h.database.sqlite!.prepare(`select count(*) as n from touches t join contacts c on c.id = t.contact_id where c.name = 'Anna Schmidt' and t.kind = 'call'`).get() as { n: number };
    expect(touches.n).toBe(1);
  });

  it('handles one chat\'s updates in order, and other chats meanwhile', async () => {
    // Ada's conversation is held until Bea has her answer: handled one at a
    // time, Bea's update would wait behind Ada's forever and the test time out.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const gate = (conversation: Conversation): Pick<Conversation, 'handle'> => ({
      async handle(incoming: Incoming, now?: Date) {
        if (incoming.from.userId === '1001' && incoming.text?.startsWith('/note')) await held;
        return conversation.handle(incoming, now);
      },
    });
    h = await startHarness({ wrap: gate });
    try {
      const bea = tgUser(1002, 'Bea');
      await h.deliver(h.fake.text(ada, '/met Carla Rossi at Web Summit'));
      h.fake.push(h.fake.text(ada, '/note Carla likes sailing'));
      h.fake.push(h.fake.text(ada, '/show Carla'));
      h.fake.push(h.fake.text(bea, '/help'));
      await until(() => h.fake.botMessages(1002).length === 1, "Bea's answer");
      expect(h.fake.botMessages(1001)).toHaveLength(1);
    } finally {
      release();
    }
    await until(() => h.fake.botMessages(1001).length === 3, "Ada's answers");
    const adas = h.fake.botMessages(1001).map((m) => m.text);
    expect(adas[1]).toContain('Note on Carla Rossi');
    // /show came after /note, so it shows the note.
    expect(adas[2]).toContain('likes sailing');
  });
});

describe('user text is data', () => {
  it('escapes HTML in a name: <b>x</b>, &amp; and <a href=...> arrive as text, never as markup', async () => {
    h = await startHarness();
    const { calls } = await h.deliver(h.fake.text(ada, '/met <b>x</b> &amp; <a href="https://evil.example">Bank</a> at Expo'));
    const payload = sent(calls)[0]!;
    expect(payload.parse_mode).toBe('HTML');
    expect(payload.text).toContain('&lt;b&gt;x&lt;/b&gt; &amp;amp; &lt;a href=&quot;https://evil.example&quot;&gt;Bank&lt;/a&gt;');
    expect(payload.text).not.toContain('<a ');
    expect(parseTelegramHtml(String(payload.text)).tags).toEqual(['b']);
    expect(shown(payload)).toContain('<b>x</b> &amp; <a href="https://evil.example">Bank</a>');
  });

  it('splits a 5,000-character reply into messages of at most 4,096 characters, at line breaks', async () => {
    h = await startHarness();
    await h.deliver(h.fake.text(ada, '/add Bob Meyer, tier B'));
    // 90 more contacts straight into the database; /list prints one line each.
    const sqlite = h.database.sqlite!;
    const insert = sqlite.prepare(
      `insert into contacts (user_id, name, name_key, tier, source, place, tags, created_on, created_at) values (1, ?, ?, 'B', 'add', 'Verbandstagung der Ingenieure', '[]', '2026-01-01', '2026-01-01T00:00:00.000Z')`,
    );
    for (let n = 0; n < 90; n++) insert.run(`Person ${n} & <Sons>`, `person ${n} sons`);
    const { calls } = await h.deliver(h.fake.text(ada, '/list'));
    const messages = sent(calls).map((m) => String(m.text));
    expect(messages.reduce((sum, m) => sum + parseTelegramHtml(m).text.length, 0)).toBeGreaterThan(5000);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(4096);
      // Whole lines only: every line of every message is a heading or a complete entry.
      for (const row of parseTelegramHtml(m).text.split('\n')) expect(row).toMatch(/^(Tier B .*\(91\)|• .+ \(B\) · (Verbandstagung der Ingenieure .*|last contact .*|no contact yet))$/);
    }
  });
});

describe('outside a private chat', () => {
  it('answers a group message only with the hint that keepwarm works in a private chat, in the sender\'s language', async () => {
    h = await startHarness();
    const jan = tgUser(1003, 'Jan', { language_code: 'de' });
    const { calls } = await h.deliver(h.fake.group(jan, -100200, '/met Anna at Expo'));
    expect(sent(calls)).toHaveLength(1);
    expect(sent(calls)[0]).toMatchObject({ chat_id: -100200, reply_parameters: { message_id: expect.any(Number) } });
    expect(shown(sent(calls)[0]!)).toContain('Ich arbeite nur im privaten Chat');
    // Nothing else happened: no user, no contact.
    expect(h.database.sqlite!.prepare('select count(*) as n from users').get()).toEqual({ n: 0 });
    expect(h.database.sqlite!.prepare('select count(*) as n from contacts').get()).toEqual({ n: 0 });
  });
});

describe('forwards and files', () => {
  it('logs a forwarded message as a touch with its sender, on the day it was written', async () => {
    h = await startHarness();
    await h.deliver(h.fake.text(ada, '/add Bob Meyer, tier B'));
    const written = Math.floor(Date.parse('2026-11-20T10:00:00Z') / 1000);
    const origin = { type: 'user', date: written, sender_user: { id: 77, is_bot: false, first_name: 'Bob', last_name: 'Meyer' } };
    const { calls } = await h.deliver(h.fake.forward(ada, origin, 'Thanks for the intro!'));
    expect(shown(sent(calls)[0]!)).toContain('Bob Meyer');
    const touch = h.database.sqlite!.prepare(`select touched_on, kind from touches where kind = 'message'`).get();
    expect(touch).toEqual({ touched_on: '2026-11-20', kind: 'message' });
  });

  it('downloads a document through getFile and the file URL and hands it over', async () => {
    const files: Incoming['file'][] = [];
    h = await startHarness({
      wrap: (conversation) => ({
        handle: (incoming, now) => {
          if (incoming.file) files.push(incoming.file);
          return conversation.handle(incoming, now);
        },
      }),
    });
    const vcard = Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Erik Larsen\r\nEND:VCARD\r\n');
    const { calls } = await h.deliver(h.fake.document(ada, 'contacts.vcf', vcard));
    expect(calls.map((c) => c.method)).toEqual(expect.arrayContaining(['getFile', 'downloadFile', 'sendMessage']));
    expect(files).toEqual([{ name: 'contacts.vcf', content: vcard }]);
    expect(shown(sent(calls)[0]!)).toContain('.vcf');
  });

  it('refuses a document over 20 MB before downloading anything', async () => {
    h = await startHarness();
    const { calls } = await h.deliver(h.fake.document(ada, 'huge.csv', Buffer.from('a,b'), 25 * 1024 * 1024));
    expect(calls.map((c) => c.method)).not.toContain('getFile');
    expect(calls.map((c) => c.method)).not.toContain('downloadFile');
    expect(shown(sent(calls)[0]!)).toContain('too large');
  });

  it('stops reading a download at the limit even when the reported size was smaller', async () => {
    h = await startHarness();
    const update = h.fake.push(h.fake.document(ada, 'big.csv', Buffer.alloc(64, 'x'), 10));
    const fileId = String(update.message.document.file_id);
    const config = telegramConfig({ TELEGRAM_BOT_TOKEN: h.fake.token, TELEGRAM_API_ROOT: h.fake.apiRoot })!;
    await expect(downloadFile(plainApi(config), config, fileId, 32)).rejects.toBeInstanceOf(FileTooLarge);
    await expect(downloadFile(plainApi(config), config, fileId, 64)).resolves.toEqual(Buffer.alloc(64, 'x'));
  });

  it('/weihnachtskarten sends the list with an address button each, then the CSV and the label PDF as documents', async () => {
    h = await startHarness();
    await h.deliver(h.fake.text(ada, '/add Anna Keller, tier A'));
    await h.deliver(h.fake.text(ada, '/address Anna: Hauptstr. 5, 80331 München'));
    await h.deliver(h.fake.text(ada, '/add Bob Meyer, tier B'));
    const { calls } = await h.deliver(h.fake.text(ada, '/weihnachtskarten'));
    const texts = sent(calls).map(shown);
    expect(texts[0]).toContain('Anna Keller — München');
    const missing = sent(calls).find((p) => shown(p).includes('Without an address (1)'))!;
    expect((missing.reply_markup.inline_keyboard as Payload[][]).flat().map((b) => b.text)).toEqual(['📮 Bob Meyer']);
    const documents = sent(calls, 'sendDocument').map((p) => p.document as { name: string; content: Buffer });
    expect(documents.map((d) => d.name.replace(/\d{4}/, 'YYYY'))).toEqual(['holiday-cards-YYYY.csv', 'holiday-cards-YYYY-labels.pdf']);
    expect(documents[0]!.content.toString('utf8')).toContain('Hauptstr. 5');
    expect(documents[1]!.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('/stats sends the figures and the chart as a photo: a 960 × 540 PNG with something drawn on it', async () => {
    h = await startHarness();
    await h.deliver(h.fake.text(ada, '/add Anna Keller, tier A'));
    await h.deliver(h.fake.text(ada, 'called Anna today'));
    const { calls } = await h.deliver(h.fake.text(ada, '/stats'));
    expect(shown(sent(calls)[0]!)).toContain('Your network');
    expect(sent(calls, 'sendDocument')).toEqual([]);
    const photo = sent(calls, 'sendPhoto')[0]!.photo as { name: string; content: Buffer };
    expect(photo.name).toMatch(/^keepwarm-stats-\d{4}-\d{2}-\d{2}\.png$/);
    const picture = readPicture(photo.content);
    expect([picture.width, picture.height]).toEqual([960, 540]);
    expect(picture.white).toBeGreaterThan(0.5);
    expect(picture.white).toBeLessThan(0.99);
    expect(picture.colours).toBeGreaterThan(20);
  }, 60_000);

  it('sends an export as a document', async () => {
    h = await startHarness();
    await h.deliver(h.fake.text(ada, '/met Erik Larsen at Expo'));
    const { calls } = await h.deliver(h.fake.text(ada, '/export json'));
    const document = sent(calls, 'sendDocument')[0]!;
    expect(document.chat_id).toBe(1001);
    expect(document.document.name).toMatch(/\.json$/);
    expect(JSON.parse(document.document.content.toString('utf8')).contacts[0].name).toBe('Erik Larsen');
  });
});
