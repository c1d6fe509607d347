/** The tour of the issue, as a user tries it on a fresh clone — in English and in German. */
import { describe, expect, it } from 'vitest';
import { startChat } from '../doubles/chat.ts';

describe('the first-day tour (English)', () => {
  it('walks from /met to /stats with every answer making sense', async () => {
    const chat = await startChat();

    await chat.say('/met Anna Schmidt at Verbandstagung yesterday, tier A');
    expect(chat.text()).toContain('Met Anna Schmidt at Verbandstagung on Sun 22 Nov — tier A');
    expect(chat.text()).toMatch(/Follow up today|Follow-up due/);

    await chat.say('/note Anna promoted to CFO');
    expect(chat.text()).toContain('Note on Anna Schmidt: promoted to CFO');

    await chat.say('called Bob last Friday');
    expect(chat.text()).toContain("I don't know Bob yet");
    expect(chat.buttons().map((b) => b.label)).toContain('Add Bob');

    await chat.say('/add Bob Meyer, tier B, last talked 7 months ago');
    expect(chat.text()).toContain('Added Bob Meyer — tier B, last talked');

    await chat.say('/overdue');
    const overdue = chat.text();
    expect(overdue).toContain('Follow-ups (1)');
    expect(overdue).toContain('Anna Schmidt');
    expect(overdue).toContain('Tier B (1)');
    expect(overdue).toContain('Bob Meyer');

    await chat.say('/today');
    expect(chat.text()).toContain('1. Bob Meyer (B)');
    expect(chat.text()).toContain('Quick follow-ups');
    expect(chat.text()).toContain('Anna Schmidt (Verbandstagung, Sun 22 Nov)');
    expect(chat.text()).toContain('talk about: promoted to CFO');
    expect(chat.buttons().map((b) => b.label)).toEqual(expect.arrayContaining(['✅ Done: Bob Meyer', '✅ Anna Schmidt']));

    await chat.say('done Anna');
    expect(chat.text()).toContain('Logged contact with Anna Schmidt today');
    expect(chat.text()).toContain('Follow-up done');

    await chat.say('/show Anna');
    expect(chat.text()).toContain('Anna Schmidt — tier A');
    expect(chat.text()).toContain('promoted to CFO');
    expect(chat.text()).toContain('Last contact: Mon 23 Nov (today)');

    await chat.say('/tier Anna X');
    expect(chat.text()).toMatch(/could not find a tier in .*X.* — use A, B, C or D/);
    await chat.say('/show Anna');
    expect(chat.text()).toContain('tier A');

    await chat.say('/undo');
    expect(chat.text()).toContain('Undone: touch with Anna Schmidt');
    await chat.say('/show Anna');
    expect(chat.text()).toContain('Last contact: Sun 22 Nov (yesterday)');

    await chat.say('/stats');
    expect(chat.text()).toContain('Network: A 1 · B 1 · C 0 · D 0');
    expect(chat.text()).toContain('Share on A contacts');
  });
});

describe('the first-day tour (German, LANG=de_DE.UTF-8)', () => {
  it('answers in German and reads German dates', async () => {
    const chat = await startChat({ locale: 'de_DE.UTF-8' });

    await chat.say('/met Dr. Jürgen Müller auf der Hannover Messe gestern, Stufe A');
    expect(chat.text()).toContain('Dr. Jürgen Müller (Hannover Messe) am So, 22. Nov kennengelernt — Stufe A');

    await chat.say('/note Jürgen: Hobby Segeln');
    expect(chat.text()).toContain('Notiz zu Dr. Jürgen Müller: Hobby Segeln');

    await chat.say('Jurgen gestern angerufen');
    expect(chat.text()).toContain('Eingetragen: ein Anruf mit Dr. Jürgen Müller am So, 22. Nov');

    await chat.say('/tier Müller X');
    expect(chat.text()).toContain('keine Stufe');

    await chat.say('/stats');
    expect(chat.text()).toContain('Netzwerk: A 1');
  });
});
