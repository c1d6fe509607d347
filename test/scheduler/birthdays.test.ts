/** Birthdays in the daily nudge: on the day or the working day before, outside the calls; the Monday preview. */
import { describe, expect, it } from 'vitest';
import { world } from './world.ts';

// 2026-11-23 is a Monday; 2026-11-29 a Sunday. Berlin is UTC+1 in November.
describe('the birthday greeting', () => {
  it('a Sunday birthday is greeted in Friday\'s nudge, even with nobody to call, and not again on the weekend or Monday', async () => {
    const w = await world();
    await w.chat.say('/add Anna Keller, tier A, last talked yesterday');
    await w.chat.say('/birthday Anna 29.11.1985');
    await w.tickAt('2026-11-26T08:00:00Z');
    expect(w.messenger.sent).toHaveLength(0);
    const { plan } = await w.tickAt('2026-11-27T08:00:00Z');
    expect(plan.planned).toBe(1);
    expect(w.messenger.sent[0]!.text).toContain("🎂 Anna Keller's birthday is on Sunday (turns 41) — a short message today?");
    for (const day of ['28', '29', '30']) await w.tickAt(`2026-11-${day}T08:00:00Z`);
    expect(w.messenger.sent).toHaveLength(1);
  });

  it('on the day: "has her birthday today", with Done and Skip, outside the count of calls', async () => {
    const w = await world();
    await w.chat.say('/add Anna Schmidt, tier A, last talked 3 months ago');
    await w.chat.say('/add Bob Meyer, tier B, last talked 1 year ago');
    await w.chat.say('/add Carla Roth, tier B, last talked last week');
    await w.chat.say('/birthday Carla 25.11.');
    await w.chat.db.updateTable('contacts').set({ salutation: 'Frau' }).where('name', '=', 'Carla Roth').execute();
    await w.tickAt('2026-11-25T08:00:00Z');
    const nudge = w.messenger.sent[0]!;
    expect(nudge.text).toContain('Your 2 calls for today');
    expect(nudge.text).toContain('🎂 Carla Roth has her birthday today — a short message?');
    const labels = nudge.reply.buttons!.flat().map((b) => b.label);
    expect(labels).toContain('🎂 Wished Carla Roth');
    expect(labels.filter((l) => l.startsWith('✅ Done'))).toHaveLength(2);

    await w.chat.pressAction(nudge.reply.buttons!.flat().find((b) => b.label === '🎂 Wished Carla Roth')!.action);
    expect(w.chat.text()).toContain('Carla Roth');
    const touches = await w.chat.db
      .selectFrom('touches')
      .innerJoin('contacts', 'contacts.id', 'touches.contact_id')
      .select(['contacts.name'])
      .where('touched_on', '=', '2026-11-25')
      .execute();
    expect(touches).toEqual([{ name: 'Carla Roth' }]);
  });

  it('C and D contacts and archived ones are not greeted', async () => {
    const w = await world();
    await w.chat.say('/add Dora Weiss, tier C');
    await w.chat.say('/birthday Dora 25.11.');
    await w.chat.say('/add Emil Brandt, tier A, last talked yesterday');
    await w.chat.say('/birthday Emil 25.11.');
    await w.chat.say('/archive Emil');
    const { plan } = await w.tickAt('2026-11-25T08:00:00Z');
    expect(plan.empty).toBe(1);
    expect(w.messenger.sent).toHaveLength(0);
  });

  it('in German: "hat heute Geburtstag"', async () => {
    const w = await world();
    await w.chat.say('/settings language de');
    await w.chat.say('/add Anna Keller, Stufe A, zuletzt gestern');
    await w.chat.say('Anna hat am 25. November Geburtstag');
    await w.tickAt('2026-11-25T08:00:00Z');
    expect(w.messenger.sent[0]!.text).toContain('🎂 Anna Keller hat heute Geburtstag — eine kurze Nachricht?');
  });
});

describe('the Monday preview', () => {
  it("Monday's nudge names the week's birthdays of A and B contacts in date order, with the age when known", async () => {
    const w = await world();
    await w.chat.say('/add Tom Berger, tier A, last talked 3 months ago');
    await w.chat.say('/add Anna Keller, tier A, last talked yesterday');
    await w.chat.say('/birthday Anna 2.12.1985');
    await w.chat.say('/add Bob Meyer, tier B, last talked yesterday');
    await w.chat.say('/birthday Bob 5.12.');
    await w.chat.say('/add Dora Weiss, tier C');
    await w.chat.say('/birthday Dora 3.12.');
    await w.chat.say('/add Emil Brandt, tier B, last talked yesterday');
    await w.chat.say('/birthday Emil 8.12.');
    await w.tickAt('2026-11-24T08:00:00Z');
    expect(w.messenger.sent[0]!.text).not.toContain('Birthdays this week');
    await w.tickAt('2026-11-30T08:00:00Z');
    const text = w.messenger.sent.at(-1)!.text;
    expect(text).toContain('🎂 Birthdays this week: Anna Keller (Wed 2 Dec, 41), Bob Meyer (Sat 5 Dec)');
    expect(text).not.toContain('Dora');
    expect(text).not.toContain('Emil');
    const sentByMonday = w.messenger.sent.length;
    await w.chat.say('/add Uwe Lang, tier B, last talked 2 years ago');
    await w.tickAt('2026-12-01T08:00:00Z');
    expect(w.messenger.sent).toHaveLength(sentByMonday + 1);
    expect(w.messenger.sent.at(-1)!.text).not.toContain('Birthdays this week');
  });
});
