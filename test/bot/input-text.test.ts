/**
 * Text from outside is cleaned at the edge before anything stores it: chat
 * text, button payloads, forwarded names, file names and every import format.
 * On SQLite a NUL or a lone surrogate would be stored as it came (invalid
 * UTF-8); on PostgreSQL (`npm run test:pg`) it would fail the command and
 * every later one that reads the row. Either way, every later command works.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startChat, type TestChat } from '../doubles/chat.ts';
import { sendFile } from '../import/helpers.ts';

// Control characters are what this looks for.
// eslint-disable-next-line no-control-regex
const BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TABLES = ['users', 'contacts', 'touches', 'notes', 'reminders', 'introductions', 'pending', 'import_plans', 'undo_log'];

/** Every stored string with a character that should never be stored, as table.column=value. */
async function badText(chat: TestChat): Promise<string[]> {
  const found: string[] = [];
  for (const table of TABLES) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(chat.db)).rows;
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        // JSON columns hold escapes (\u0000) rather than the characters: read them back too.
        const texts = typeof value === 'string' ? [value, ...(/^[[{]/.test(value) ? [JSON.stringify(JSON.parse(value), (_k, v: unknown) => v)] : [])] : [];
        for (const text of texts) if (BAD.test(text) || /\\u00[01][0-9a-f]|\\ud[89ab]/i.test(text)) found.push(`${table}.${column}=${JSON.stringify(text)}`);
      }
    }
  }
  return found;
}

/** The commands that read everything back; `chat.say` fails the test on any apology for a crash. */
async function everyCommandStillWorks(chat: TestChat, name: string): Promise<void> {
  for (const command of ['/list', `/show ${name}`, `/find ${name.split(' ')[0]}`, '/today', '/overdue', '/stats', '/review', '/export json', '/export csv', '/export vcf', '/export ics', `/note ${name}: still fine`, '/undo']) {
    await chat.say(command);
    expect(chat.text(), command).not.toMatch(/went wrong|schiefgegangen/i);
  }
}

describe('text from outside is cleaned before it is stored', () => {
  it('a /met name with a NUL, a bell, a C1 control and a lone surrogate is stored clean, and every later command works', async () => {
    const chat = await startChat();
    await chat.say('/met Ann\u0000a Sch\u0007mi\u0085dt\uD800 at Verbands\u0000tagung, tier A #fin\u0000tech');
    expect(chat.text()).toContain('Met Anna Schmidt\uFFFD at Verbandstagung');
    const contact = await chat.db.selectFrom('contacts').select(['name', 'place', 'tags']).executeTakeFirstOrThrow();
    expect(contact).toEqual({ name: 'Anna Schmidt\uFFFD', place: 'Verbandstagung', tags: JSON.stringify(['fintech']) });
    await everyCommandStillWorks(chat, 'Anna Schmidt');
    expect(await badText(chat)).toEqual([]);
  });

  it('bidi overrides and byte-order marks are dropped, and a zero-width space inside a name does not hide it from /show', async () => {
    const chat = await startChat();
    await chat.say('/add \u202EAnna\u202C Berg\uFEFF, tier B');
    await chat.say('/add Bo\u200Bb Meyer, tier C');
    const names = (await chat.db.selectFrom('contacts').select('name').orderBy('id').execute()).map((c) => c.name);
    expect(names).toEqual(['Anna Berg', 'Bo\u200Bb Meyer']);
    await chat.say('/show Bob Meyer');
    expect(chat.text()).toContain('Bo\u200Bb Meyer');
    expect(chat.text()).toContain('tier C');
    expect(await badText(chat)).toEqual([]);
  });

  it('a forwarded sender name and a button payload with NUL and lone surrogates are cleaned', async () => {
    const chat = await startChat();
    chat.replies = await chat.bot.handle({ from: chat.who, chatId: 'c', eventId: 'fw1', forwardedFrom: { name: 'Zo\u0000e\uDC00 Park' } }, chat.now);
    expect(chat.text()).toContain("I don't know Zoe\uFFFD Park yet");
    await chat.pressAction(`\u0000${chat.buttons()[0]!.action}\uD800`);
    expect(chat.text()).not.toMatch(/went wrong/);
    chat.replies = await chat.bot.handle({ from: chat.who, chatId: 'c', eventId: 'fw2', forwardedFrom: { name: 'Zo\u0000e\uDC00 Park' } }, chat.now);
    await chat.pressAction(`${chat.buttons()[0]!.action}\u0000`);
    expect(chat.text()).toContain('Zoe\uFFFD Park');
    await everyCommandStillWorks(chat, 'Zoe Park');
    expect(await badText(chat)).toEqual([]);
  });

  it('keepwarm JSON with \\u0000 and lone-surrogate escapes in names, notes and tags imports clean', async () => {
    const chat = await startChat();
    const file = JSON.stringify({
      version: 1,
      contacts: [{ name: 'Cla\u0000ra \uD83D Vogel', tier: 'A', tags: ['ber\u0000lin'], company: '\u202EACME', notes: [{ text: 'lik\u0000es \u0007sailing', at: '2026-11-01T10:00:00Z' }] }],
    });
    await sendFile(chat, 'keep\u0000warm\uD800.json', file);
    expect(chat.text()).not.toContain('\u0000');
    await chat.press('Import');
    const contact = await chat.db.selectFrom('contacts').select(['name', 'tags', 'company']).executeTakeFirstOrThrow();
    expect(contact).toEqual({ name: 'Clara \uFFFD Vogel', tags: JSON.stringify(['berlin']), company: 'ACME' });
    expect((await chat.db.selectFrom('notes').select('text').executeTakeFirstOrThrow()).text).toBe('likes sailing');
    await everyCommandStillWorks(chat, 'Clara Vogel');
    expect(await badText(chat)).toEqual([]);
  });

  it('a UTF-16 CSV with a lone surrogate and C1 controls, and a vCard with bidi overrides and a BOM inside, import clean', async () => {
    const chat = await startChat();
    const csv = 'Name,Company,Notes\r\nDora\uDC00 Klein,Klein\u0085 GmbH,met at \u009bthe fair\r\n';
    await sendFile(chat, 'contacts.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
    await chat.press('Import');
    const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\u202EEmil\u202C Web\uFEFFer\r\nORG:\u2066Weber\u2069 AG\r\nEND:VCARD\r\n';
    await sendFile(chat, 'emil.vcf', vcard);
    await chat.press('Import');
    const rows = await chat.db.selectFrom('contacts').select(['name', 'company']).orderBy('id').execute();
    expect(rows).toEqual([
      { name: 'Dora\uFFFD Klein', company: 'Klein GmbH' },
      { name: 'Emil Weber', company: 'Weber AG' },
    ]);
    await everyCommandStillWorks(chat, 'Emil Weber');
    expect(await badText(chat)).toEqual([]);
  });
});
