/**
 * Property: a function word, filler, day word, salutation or title of either
 * language ("habe", "noch", "neu", "Frau", "kommenden", "heute", "today",
 * "just") never becomes a contact's name — not when the parser reads a
 * message, and not through the conversation on a store, even when every
 * "add" or "new contact" button it offers is pressed.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/parse.ts';
import { isNameless } from '../../src/commands/name-note.ts';
import { lexicons } from '../../src/commands/keywords.ts';
import { chatOn, memoryDatabase } from '../doubles/chat.ts';
import type { Database } from '../../src/store/db.ts';

// Every word the lexicons say is never a name on its own, both languages.
const NEVER_NAMES = [
  ...new Set(
    lexicons.flatMap((l) => [
      ...l.names.filler,
      ...l.names.functionWords,
      ...l.names.nouns,
      ...Object.keys(l.names.salutations),
      ...l.names.titles,
      ...l.dates.dayWords,
      ...l.dates.qualifiers,
    ]),
  ),
].filter((w) => /^[\p{L}.]+$/u.test(w));

/** Messages with a name slot, in both languages, as a slash command and as plain text. */
const TEMPLATES: readonly ((w: string, v: string) => string)[] = [
  (w) => `/add ${w}`,
  (w) => `/add ${w}, tier B`,
  (w, v) => `/met ${w} ${v} at the Messe`,
  (w) => `/met ${w} auf der Messe, Stufe B`,
  (w, v) => `/met ${w} und ${v} auf der Messe`,
  (w) => `called ${w}`,
  (w) => `called ${w} yesterday`,
  (w, v) => `called ${w} and ${v}`,
  (w) => `hab mit ${w} gesprochen`,
  (w, v) => `mit ${w} und ${v} telefoniert`,
  (w) => `${w} angerufen`,
  (w, v) => `${w} ${v} angerufen`,
  (w) => `lunch with ${w} today`,
  (w) => `Mittagessen mit ${w}`,
  (w) => `${w} erledigt`,
  (w) => `done ${w}`,
  (w) => `/note ${w} likes sailing`,
  (w) => `/remind ${w} next week`,
  (w) => `/email ${w} someone@example.org`,
  (w) => `${w} hat am 12. März Geburtstag`,
];

const casing = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toLowerCase(),
  (s) => s.toUpperCase(),
  (s) => s.charAt(0).toUpperCase() + s.slice(1),
);

/** One to three never-name words, each cased its own way, as a would-be name. */
const nonName = fc
  .array(fc.tuple(fc.constantFrom(...NEVER_NAMES), casing), { minLength: 1, maxLength: 3 })
  .map((words) => words.map(([word, cased]) => cased(word)).join(' '));

const message = fc.tuple(fc.nat(TEMPLATES.length - 1), nonName, nonName).map(([t, w, v]) => (TEMPLATES[t] as (w: string, v: string) => string)(w, v));

const NOW = new Date('2026-11-24T09:00:00Z');

function namesIn(parsed: object): string[] {
  const fields = parsed as { name?: unknown; names?: unknown; other?: unknown; newName?: unknown };
  const all = [fields.name, fields.other, fields.newName, ...(Array.isArray(fields.names) ? fields.names : [])];
  return all.filter((n): n is string => typeof n === 'string' && n !== '');
}

describe('no function word ever becomes a contact', () => {
  it('the lexicons hold the words of the issue, in both languages', () => {
    for (const word of ['habe', 'hab', 'noch', 'neu', 'frau', 'kommenden', 'heute', 'today', 'just']) expect(NEVER_NAMES).toContain(word);
  });

  it('the parser never reads such words alone as a name, in either language', () => {
    fc.assert(
      fc.property(message, fc.constantFrom<'en' | 'de'>('en', 'de'), (text, language) => {
        const parsed = parseCommand(text, { now: NOW, timeZone: 'Europe/Berlin', language });
        for (const name of namesIn(parsed)) expect(isNameless(name), `${text} -> ${name}`).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  describe('through the conversation on a store', () => {
    let database: Database;
    let run = 0;
    beforeAll(async () => {
      database = await memoryDatabase();
    });

    it('no contact is stored under such a name, even when every add button is pressed', async () => {
      await fc.assert(
        fc.asyncProperty(message, fc.constantFrom('en', 'de'), async (text, locale) => {
          const chat = await chatOn(database, { user: `never-${++run}`, locale, now: NOW });
          await chat.say(text);
          for (let step = 0; step < 3; step++) {
            const agree = chat.buttons().find((b) => /^(?:add|new):/u.test(b.action));
            if (!agree) break;
            await chat.pressAction(agree.action);
          }
          const rows = await database.db
            .selectFrom('contacts')
            .innerJoin('users', 'users.id', 'contacts.user_id')
            .select('contacts.name')
            .where('users.platform_user_id', '=', chat.who.userId)
            .execute();
          for (const { name } of rows) expect(isNameless(name), `${text} -> ${name}`).toBe(false);
        }),
        { numRuns: 150 },
      );
    });
  });
});
