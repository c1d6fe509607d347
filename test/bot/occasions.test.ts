/** Birthdays, addresses and the card list in the chat (issue 14). */
import { describe, expect, it } from 'vitest';
import type { TouchKind } from '../../src/core/types.ts';
import { startChat } from '../doubles/chat.ts';

async function touchesOf(chat: Awaited<ReturnType<typeof startChat>>, kind: TouchKind) {
  return chat.db.selectFrom('touches').select(['contact_id', 'touched_on']).where('kind', '=', kind).execute();
}

describe('birthdays by chat', () => {
  it('/birthday sets it, /show shows it with the next date, /undo takes it back', async () => {
    const chat = await startChat();
    await chat.say('/add Anna Keller, tier A');
    await chat.say('/birthday Anna 12.3.1985');
    expect(chat.text()).toContain("Anna Keller's birthday is 12 March 1985 — next Fri 12 Mar 2027 (turns 42)");
    await chat.say('/show Anna');
    expect(chat.text()).toContain('🎂 Birthday: 12 March 1985 (next Fri 12 Mar 2027)');
    await chat.say('/undo');
    expect(chat.text()).toContain('birthday of Anna Keller');
    await chat.say('/show Anna');
    expect(chat.text()).not.toContain('Birthday');
  });

  it('a German sentence sets it and the answer is German', async () => {
    const chat = await startChat({ locale: 'de' });
    await chat.say('/add Anna Keller, Stufe A');
    await chat.say('Anna hat am 12. März Geburtstag');
    expect(chat.text()).toContain('Anna Keller hat am 12. März Geburtstag');
  });

  it('an unreadable birthday is answered with an example and changes nothing', async () => {
    const chat = await startChat();
    await chat.say('/add Anna Keller, tier A');
    await chat.say('/birthday Anna 1.1.1604');
    expect(chat.text()).toContain('I could not read a birthday in 1.1.1604');
    const row = await chat.db.selectFrom('contacts').select('birthday').executeTakeFirstOrThrow();
    expect(row.birthday).toBeNull();
  });
});

describe('addresses by chat', () => {
  it('/address saves the address; /show has it on one line', async () => {
    const chat = await startChat();
    await chat.say('/add Anna Keller, tier A');
    await chat.say('/address Anna Keller: Hauptstr. 5, 80331 München');
    expect(chat.text()).toContain('Saved the address of Anna Keller');
    await chat.say('/show Anna');
    expect(chat.text()).toContain('📮 Hauptstr. 5, 80331 München');
  });
});

describe('the card list in the chat', () => {
  async function network() {
    const chat = await startChat();
    await chat.say('/add Anna Keller, tier A');
    await chat.say('/address Anna: Hauptstr. 5, 80331 München');
    await chat.say('/add Bob Meyer, tier B');
    await chat.say('/address Bob: Lindenstraße 12, 10115 Berlin');
    await chat.say('/add Carla Roth, tier B');
    await chat.say('/add Dora Weiss, tier C');
    await chat.say('/address Dora: Ring 1, 50667 Köln');
    return chat;
  }

  it('lists A and B with an address, names who lacks one with a button, and sends the CSV and the label PDF', async () => {
    const chat = await network();
    const replies = await chat.say('/weihnachtskarten');
    expect(chat.text()).toContain('Holiday cards 2026 — tiers A, B: 2 people with an address, 1 without');
    expect(chat.text()).toContain('• Anna Keller — München');
    expect(chat.text()).not.toContain('Dora');
    expect(chat.buttons().map((b) => b.label)).toEqual(['📮 Carla Roth']);
    const files = replies.flatMap((r) => (r.file ? [r.file] : []));
    expect(files.map((f) => f.name)).toEqual(['holiday-cards-2026.csv', 'holiday-cards-2026-labels.pdf']);
    const csv = files[0]!.content.toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Keller');
    expect(csv).not.toContain('Roth');
    expect(files[1]!.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('/cards A B C takes the tiers asked for', async () => {
    const chat = await network();
    await chat.say('/cards A B C');
    expect(chat.text()).toContain('tiers A, B, C: 3 people');
    expect(chat.text()).toContain('Dora Weiss — Köln');
  });

  it('the address button asks, and the next message is the address', async () => {
    const chat = await network();
    await chat.say('/cards');
    await chat.press('Carla Roth');
    expect(chat.text()).toContain('What is the postal address of Carla Roth?');
    await chat.say('not an address');
    expect(chat.text()).toContain('I could not read that as an address for Carla Roth');
    await chat.say('Am Markt 3, 04109 Leipzig');
    expect(chat.text()).toContain('Saved the address of Carla Roth');
    await chat.say('/cards');
    expect(chat.text()).toContain('3 people with an address.');
    expect(chat.buttons()).toEqual([]);
  });

  it('/cards sent logs a card for everyone with an address, once a year, as one undo step, without moving a cadence', async () => {
    const chat = await network();
    const before = await chat.db.selectFrom('contacts').select(['name', 'last_touch_on']).orderBy('id').execute();
    await chat.say('/cards sent');
    expect(chat.text()).toContain('Logged a holiday card 2026 for 2 people');
    expect(await touchesOf(chat, 'card')).toHaveLength(2);
    expect(await chat.db.selectFrom('contacts').select(['name', 'last_touch_on']).orderBy('id').execute()).toEqual(before);
    await chat.say('/cards sent');
    expect(chat.text()).toContain('logged already for everyone');
    expect(await touchesOf(chat, 'card')).toHaveLength(2);
    await chat.say('/undo');
    expect(chat.text()).toContain('holiday cards 2026');
    expect(await touchesOf(chat, 'card')).toHaveLength(0);
  });

  it('an empty network gets a sentence, no files', async () => {
    const chat = await startChat({ locale: 'de' });
    const replies = await chat.say('/weihnachtskarten');
    expect(chat.text()).toContain('Keine aktiven Kontakte in den Stufen A, B');
    expect(replies.some((r) => r.file)).toBe(false);
  });
});
