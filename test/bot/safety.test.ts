/** Bad input changes nothing; no input crashes; nobody sees anyone else's data. */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import fc from 'fast-check';
import { chatOn, startChat } from '../doubles/chat.ts';
import { encodeAction } from '../../src/commands/actions.ts';
import { catalog } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/en.ts';
import { de } from '../../src/i18n/de.ts';

async function snapshot(chat: Awaited<ReturnType<typeof startChat>>) {
  const tables = ['users', 'contacts', 'touches', 'notes', 'reminders', 'introductions'];
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) rows[table] = (await sql`select * from ${sql.table(table)} order by id`.execute(chat.db)).rows;
  return rows;
}

describe('bad input', () => {
  it.each([
    ['/tier Anna Z', 'use A, B, C or D'],
    ['/every Anna sometimes', 'cadence'],
    ['/snooze Anna until last week', 'in the past'],
    ['/frobnicate Anna', "don't know the command"],
    ['/settings timezone Mars/Olympus', 'not a time zone'],
    ['/met', 'name'],
  ])('%s is refused with a specific answer and changes nothing', async (text, answer) => {
    const chat = await startChat();
    await chat.say('/met Anna Schmidt at Verbandstagung, tier A');
    const before = await snapshot(chat);
    await chat.say(text);
    expect(chat.text()).toContain(answer);
    expect(await snapshot(chat)).toEqual(before);
  });

  it('a name that is SQL or a Slack mention is stored as written', async () => {
    const chat = await startChat();
    await chat.say("/met Robert'); DROP TABLE contacts;-- at Hack Day");
    await chat.say('/met <!channel> at Slack Summit');
    await chat.say('/list');
    expect(chat.text()).toContain("Robert'); DROP TABLE contacts;--");
    expect(chat.text()).toContain('<!channel>');
  });

  it('no message and no button payload makes the bot throw or apologise for a crash', async () => {
    const chat = await startChat();
    await chat.say('/met Anna Schmidt at Verbandstagung, tier A');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 })), fc.boolean(), async (input, asButton) => {
        const replies = asButton ? await chat.pressAction(input) : await chat.say(input);
        expect(replies.length).toBeGreaterThan(0);
        expect(chat.text()).not.toContain('went wrong on my side');
      }),
      { numRuns: 150 },
    );
  });
});

describe('isolation between users', () => {
  it('one user can neither see nor change another user\'s contacts, even with forged buttons', async () => {
    const alice = await startChat({ user: 'alice' });
    await alice.say('/met Anna Schmidt at Verbandstagung, tier A');
    const { id: annaId } = await alice.db.selectFrom('contacts').select('id').executeTakeFirstOrThrow();

    const mallory = await chatOn(alice.database, { user: 'mallory' });
    await mallory.say('/show Anna');
    expect(mallory.text()).toContain("I don't know Anna");
    await mallory.say('/find Schmidt');
    expect(mallory.text()).toContain('Nothing found');
    for (const action of [
      encodeAction({ kind: 'tier', contactId: annaId, tier: 'D' }),
      encodeAction({ kind: 'done', contactId: annaId }),
      encodeAction({ kind: 'snooze', contactId: annaId, days: 7 }),
      encodeAction({ kind: 'review', contactId: annaId, choice: 'archive' }),
    ]) {
      await mallory.pressAction(action);
      expect(mallory.text()).toContain('no longer exists');
    }
    await mallory.say('/undo');
    expect(mallory.text()).toContain('nothing to undo');

    await alice.say('/show Anna');
    expect(alice.text()).toContain('tier A');
    expect(alice.text()).not.toContain('Snoozed');
  });
});

describe('redelivery', () => {
  it('the same platform event twice is handled once', async () => {
    const chat = await startChat();
    const incoming = { from: chat.who, chatId: 'c', text: '/met Anna at X', eventId: 'update-7' };
    const first = await chat.bot.handle(incoming, chat.now);
    const second = await chat.bot.handle(incoming, chat.now);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual([]);
    const contacts = await chat.db.selectFrom('contacts').select('id').execute();
    expect(contacts).toHaveLength(1);
  });
});

describe('message catalogs', () => {
  it('German has every key English has, and no other', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    expect(catalog('de')).toBe(de);
  });
});
