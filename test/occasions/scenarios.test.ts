/**
 * Occasions end to end, with the clock set by the test: a birthday on a
 * Sunday, a dated hook in March, a promotion, and the card list of a network
 * of 40 with 5 addresses missing.
 */
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/rich.ts';
import { startChat } from '../doubles/chat.ts';
import { world } from '../scheduler/world.ts';

const at = (iso: string) => new Date(iso);

describe('a birthday on a Sunday', () => {
  it('is greeted in German on the Friday before, named in that Monday\'s preview, and Done logs the message', async () => {
    // 2027-03-14 is a Sunday; 2027-03-08 its Monday, 2027-03-12 its Friday.
    const w = await world({ start: '2027-03-05T09:00:00Z' });
    await w.chat.say('/settings language de');
    await w.chat.say('/add Tom Berger, Stufe A, zuletzt vor 3 Monaten');
    await w.chat.say('/add Anna Keller, Stufe A, zuletzt gestern');
    await w.chat.say('/geburtstag Anna 14.3.1980');
    await w.tickAt('2027-03-08T08:00:00Z');
    expect(w.messenger.sent.at(-1)!.text).toContain('🎂 Geburtstage diese Woche: Anna Keller (So, 14. Mär, 47)');
    await w.tickAt('2027-03-12T08:00:00Z');
    const friday = w.messenger.sent.at(-1)!;
    expect(friday.text).toContain('🎂 Anna Keller hat am Sonntag Geburtstag (wird 47) — eine kurze Nachricht heute?');
    const done = friday.reply.buttons!.flat().find((b) => b.label === '🎂 Anna Keller gratuliert')!;
    await w.chat.pressAction(done.action);
    const row = await w.chat.db.selectFrom('contacts').select('last_touch_on').where('name', '=', 'Anna Keller').executeTakeFirstOrThrow();
    expect(row.last_touch_on).toBe('2027-03-12');
  });
});

describe('a dated hook in March', () => {
  it('is kept with its date and comes back as the reason and the talking point in the week of 1 March, not before, not after a call', async () => {
    const chat = await startChat({ now: at('2026-11-23T09:00:00Z') });
    await chat.say('/add Anna Keller, tier B, last talked yesterday');
    await chat.say('/note Anna in March: speaks at the logistics forum');
    const note = await chat.db.selectFrom('notes').select(['due_on', 'hook']).executeTakeFirstOrThrow();
    expect(note).toEqual({ due_on: '2027-03-01', hook: 'dated' });

    chat.now = at('2027-02-25T09:00:00Z');
    await chat.say('/today');
    expect(chat.text()).toContain('Nobody is due today');
    chat.now = at('2027-03-02T09:00:00Z');
    await chat.say('/today');
    expect(chat.text()).toContain('Anna Keller');
    expect(chat.text()).toContain('speaks at the logistics forum');
    await chat.say('done Anna');
    chat.now = at('2027-03-03T09:00:00Z');
    await chat.say('/today');
    expect(chat.text()).toContain('Nobody is due today');
  });

  it('a plain-text note naming a month works the same: "Tochter fängt im Oktober an zu studieren"', async () => {
    const chat = await startChat({ now: at('2026-11-23T09:00:00Z'), locale: 'de' });
    await chat.say('/add Jürgen Weber, Stufe B, zuletzt gestern');
    await chat.say('/notiz Jürgen: Tochter fängt im Oktober an zu studieren');
    chat.now = at('2027-10-01T08:00:00Z');
    await chat.say('/heute');
    expect(chat.text()).toContain('Jürgen Weber');
    expect(chat.text()).toContain('Tochter fängt im Oktober an zu studieren');
  });
});

describe('a promotion', () => {
  it('makes a B contact a call within days to congratulate — not a C contact, and not after a week', async () => {
    const chat = await startChat({ now: at('2026-11-23T09:00:00Z') });
    await chat.say('/add Bob Meyer, tier B, last talked last week');
    await chat.say('/add Carl Weber, tier C, last talked last week');
    chat.now = at('2026-11-24T09:00:00Z');
    await chat.say('/note Bob promoted to CFO');
    await chat.say('/note Carl neuer Job bei Siemens');
    chat.now = at('2026-11-25T09:00:00Z');
    await chat.say('/today');
    expect(chat.text()).toContain('Bob Meyer');
    expect(chat.text()).toContain('promoted to CFO');
    expect(chat.text()).not.toContain('Carl');
    chat.now = at('2026-12-02T09:00:00Z');
    await chat.say('/today');
    expect(chat.text()).toContain('Nobody is due today');
  });
});

describe('the card list for a network of 40', () => {
  it('lists the 35 with an address, names the 5 without with a button each, and the files hold the 35', async () => {
    const chat = await startChat({ now: at('2026-12-07T09:00:00Z') });
    const missing = new Set([3, 11, 19, 27, 35]);
    for (let n = 1; n <= 40; n++) {
      const name = `Person${String(n).padStart(2, '0')} Nachname${String(n).padStart(2, '0')}`;
      await chat.say(`/add ${name}, tier ${n % 2 === 0 ? 'A' : 'B'}`);
      if (!missing.has(n)) await chat.say(`/address ${name}: Straße ${n}, ${String(10000 + n)} Stadt${n}`);
    }
    const replies = await chat.say('/weihnachtskarten');
    expect(chat.text()).toContain('Holiday cards 2026 — tiers A, B: 35 people with an address, 5 without.');
    expect(chat.buttons().map((b) => b.label)).toEqual(['📮 Person03 Nachname03', '📮 Person11 Nachname11', '📮 Person19 Nachname19', '📮 Person27 Nachname27', '📮 Person35 Nachname35']);
    const [csv, pdf] = replies.flatMap((r) => (r.file ? [r.file] : []));
    expect(csv!.content.toString('utf8').trim().split('\r\n')).toHaveLength(36);
    expect(plainText(replies.find((r) => r.file?.name.endsWith('.pdf'))!.text)).toContain('35 labels on 2 sheets');
    // Two A4 pages of 24 labels (the labels' text is read back in test/cards/labels.test.ts).
    expect(pdf!.content.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(2);
  }, 60_000);
});
