/** Importing a file in the chat: preview, confirm, triage, undo — read like the conversation. */
import { describe, expect, it } from 'vitest';
import { startChat } from '../doubles/chat.ts';
import { contactsByName, fixture, sendFile } from './helpers.ts';

describe('a file sent in the chat', () => {
  it('is previewed first: nothing is written until the user presses Import', async () => {
    const chat = await startChat();
    await sendFile(chat, 'Connections.csv', fixture('linkedin-Connections.csv'));
    expect(chat.text()).toContain('LinkedIn export Connections.csv: 5 contacts read.');
    expect(chat.text()).toContain('5 new contacts — tier C (passive)');
    expect(chat.text()).toContain('Nothing is written until you confirm');
    expect(chat.buttons().map((b) => b.label)).toEqual(['📥 Import 5', 'Cancel']);
    expect(await chat.db.selectFrom('contacts').selectAll().execute()).toEqual([]);

    await chat.press('Import');
    expect(chat.text()).toContain('✓ Imported: 5 new contacts.');
    const contacts = await contactsByName(chat);
    expect([...contacts.keys()]).toEqual(['Maren Lindqvist', 'Kwame Mensah', 'Lena Vogel', 'Diego Fernández', 'Ana Kovač']);
    expect(contacts.get('Kwame Mensah')).toMatchObject({ tier: 'C', source: 'import', company: 'Accra Mobility, Ltd.', role: 'Founder & CEO', last_touch_on: '2025-01-03' });
    const touches = await chat.db.selectFrom('touches').selectAll().execute();
    expect(touches).toHaveLength(5);
    expect(touches[0]).toMatchObject({ kind: 'other', note: 'connected on LinkedIn', touched_on: '2024-03-12' });
  });

  it('after the import offers a triage of the newest, with tier buttons that work', async () => {
    const chat = await startChat();
    await sendFile(chat, 'Connections.csv', fixture('linkedin-Connections.csv'));
    await chat.press('Import');
    expect(chat.text()).toContain('Quick triage: your 5 new contacts — tap a tier');
    // Newest connection first: Ana (Nov 2026), Kwame (Jan 2025), Maren (Mar 2024), Lena, Diego.
    const order = chat.replies.slice(2).map((r) => r.text[0]?.[0]?.text);
    expect(order).toEqual(['Ana Kovač', 'Kwame Mensah', 'Maren Lindqvist', 'Lena Vogel', 'Diego Fernández']);
    expect(chat.replies[3]?.buttons?.[0]?.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    await chat.pressAction(chat.replies[3]!.buttons![0]![0]!.action);
    expect(chat.text()).toContain('Kwame Mensah is now tier A');
  });

  it('offers at most 20 for triage, the newest of a larger import', async () => {
    const chat = await startChat();
    const rows = Array.from({ length: 30 }, (_, i) => `Person ${String(i + 1).padStart(2, '0')},Tester,,,,,${String((i % 28) + 1).padStart(2, '0')} Jan 2025`);
    await sendFile(chat, 'Connections.csv', ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n'));
    await chat.press('Import');
    expect(chat.text()).toContain('the 20 newest of 30');
    expect(chat.replies.filter((r) => r.buttons?.[0]?.[0]?.label === 'A')).toHaveLength(20);
    expect(chat.replies[2]?.text[0]?.[0]?.text).toBe('Person 28 Tester');
  });

  it('a large import (several batches of rows) puts every field and touch on the right contact', async () => {
    const chat = await startChat();
    const rows = Array.from({ length: 1234 }, (_, i) => `First${i},Last${i},,p${i}@example.org,Company ${i},Role ${i},${String((i % 28) + 1).padStart(2, '0')} Mar ${2000 + (i % 25)}`);
    await sendFile(chat, 'Connections.csv', ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n'));
    await chat.say('yes');
    expect(chat.text()).toContain('Imported: 1,234 new contacts');
    const contacts = await chat.db.selectFrom('contacts').select(['id', 'name', 'email', 'company', 'role', 'last_touch_on']).orderBy('id').execute();
    const touches = new Map((await chat.db.selectFrom('touches').select(['contact_id', 'touched_on']).execute()).map((t) => [t.contact_id, t.touched_on]));
    expect(contacts).toHaveLength(1234);
    contacts.forEach((c, i) => {
      const on = `${2000 + (i % 25)}-03-${String((i % 28) + 1).padStart(2, '0')}`;
      expect(c).toEqual({ id: c.id, name: `First${i} Last${i}`, email: `p${i}@example.org`, company: `Company ${i}`, role: `Role ${i}`, last_touch_on: on });
      expect(touches.get(c.id)).toBe(on);
    });
  });

  it('can be confirmed by typing yes, in German too', async () => {
    const chat = await startChat({ locale: 'de' });
    await sendFile(chat, 'xing.csv', fixture('xing-kontakte.csv'), { locale: 'de' });
    expect(chat.text()).toContain('XING-Export xing.csv: 3 Kontakte gelesen.');
    await chat.say('ja');
    expect(chat.text()).toContain('✓ Importiert: 3 neue Kontakte.');
    const contacts = await contactsByName(chat);
    expect(contacts.get('Jürgen Müller-Lüdenscheid')).toMatchObject({ company: 'Großhandel Süd AG', tags: '["Einkauf","Messe"]', last_touch_on: '2019-05-14' });
    const touch = await chat.db.selectFrom('touches').select('note').where('touched_on', '=', '2019-05-14').executeTakeFirst();
    expect(touch?.note).toBe('auf XING vernetzt');
  });

  it('Cancel imports nothing, and the Import button of that question no longer works', async () => {
    const chat = await startChat();
    await sendFile(chat, 'contacts.vcf', fixture('vcard-4.0.vcf'));
    const importAction = chat.buttons()[0]!.action;
    await chat.press('Cancel');
    expect(chat.text()).toContain('Nothing was changed');
    await chat.pressAction(importAction);
    expect(chat.text()).toContain('no longer open');
    expect(await chat.db.selectFrom('contacts').selectAll().execute()).toEqual([]);
  });

  it('the confirmation may come to another instance of the bot (the plan waits in the database)', async () => {
    const chat = await startChat();
    await sendFile(chat, 'contacts.vcf', fixture('vcard-4.0.vcf'));
    const { chatOn } = await import('../doubles/chat.ts');
    const other = await chatOn(chat.database, { user: 'tester' });
    other.replies = chat.replies;
    await other.press('Import');
    expect(other.text()).toContain('Imported: 2 new contacts');
  });

  it('/undo takes the whole import back as one step', async () => {
    const chat = await startChat();
    await chat.say('/add Maren Lindqvist, tier A');
    await sendFile(chat, 'Connections.csv', fixture('linkedin-Connections.csv'));
    expect(chat.text()).toContain('4 new contacts');
    expect(chat.text()).toContain('1 known contact gets new details');
    await chat.press('Import');
    await chat.say('/undo');
    expect(chat.text()).toContain('Undone: import');
    const contacts = await contactsByName(chat);
    expect([...contacts.keys()]).toEqual(['Maren Lindqvist']);
    // The merge is reverted too: Maren is as she was before the import.
    expect(contacts.get('Maren Lindqvist')).toMatchObject({ tier: 'A', email: null, company: null, last_touch_on: null });
    expect(await chat.db.selectFrom('touches').selectAll().execute()).toEqual([]);
  });

  it('importing the same file twice adds nothing: the second preview says 0 new, N unchanged', async () => {
    const chat = await startChat();
    await sendFile(chat, 'apple.vcf', fixture('apple-contacts-3.0.vcf'));
    await chat.press('Import');
    const before = await chat.db.selectFrom('contacts').selectAll().execute();
    const notesBefore = await chat.db.selectFrom('notes').selectAll().execute();
    await sendFile(chat, 'apple.vcf', fixture('apple-contacts-3.0.vcf'));
    expect(chat.text()).toContain('0 new contacts');
    expect(chat.text()).toContain('4 known contacts unchanged');
    expect(chat.text()).toContain('Nothing to import');
    expect(chat.buttons()).toEqual([]);
    expect(await chat.db.selectFrom('contacts').selectAll().execute()).toEqual(before);
    expect(await chat.db.selectFrom('notes').selectAll().execute()).toEqual(notesBefore);
  });
});

describe('matching against the network', () => {
  it('merges a known contact by email: fills empty fields, keeps tier and notes', async () => {
    const chat = await startChat();
    await chat.say('/add Maren L, tier A');
    await chat.say('/note Maren L prefers calls');
    const user = await chat.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    await chat.db.updateTable('contacts').set({ email: 'Maren.Lindqvist@nordlicht.example' }).where('user_id', '=', user.id).execute();
    await sendFile(chat, 'apple.vcf', fixture('apple-contacts-3.0.vcf'));
    expect(chat.text()).toContain('3 new contacts');
    expect(chat.text()).toContain('1 known contact gets new details');
    await chat.press('Import');
    const maren = (await contactsByName(chat)).get('Maren L');
    expect(maren).toMatchObject({ tier: 'A', phone: '+49 170 5550101', company: 'Nordlicht Energie GmbH', role: 'Head of Partnerships' });
    const notes = await chat.db.selectFrom('notes').select('text').where('contact_id', '=', maren!.id).orderBy('id').execute();
    expect(notes.map((n) => n.text)).toEqual(['prefers calls', 'Met at the Windkraft summit, Hamburg.\nLikes sailing; ask about the Baltic tour.']);
  });

  it('matches by the same name spelling when no address contradicts it', async () => {
    const chat = await startChat();
    await chat.say('/add Juergen Mueller-Luedenscheid, tier B');
    await sendFile(chat, 'outlook.vcf', fixture('outlook-2.1.vcf'));
    expect(chat.text()).toContain('1 new contact');
    expect(chat.text()).toContain('1 known contact gets new details');
  });

  it('never merges two people who share a name but not an address', async () => {
    const chat = await startChat();
    await chat.say('/add Chidi Okafor, tier B');
    const user = await chat.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    await chat.db.updateTable('contacts').set({ email: 'chidi@other.example' }).where('user_id', '=', user.id).execute();
    await sendFile(chat, 'apple.vcf', fixture('apple-contacts-3.0.vcf'));
    expect(chat.text()).toContain('4 new contacts');
  });

  it('leaves a name alone that fits several contacts, and says so with the line', async () => {
    const chat = await startChat();
    await chat.say('/add Chidi Okafor, tier B');
    await chat.say('/met Chidi Okafor at Hack Day');
    await chat.press('New contact');
    await sendFile(chat, 'apple.vcf', fixture('apple-contacts-3.0.vcf'));
    expect(chat.text()).toContain('3 new contacts');
    expect(chat.text()).toContain('line 556: Chidi Okafor fits several of your contacts — left alone rather than guessed');
  });

  it('reports rows it could not read, with their line numbers', async () => {
    const chat = await startChat();
    await sendFile(chat, 'people.csv', fixture('generic-en.csv'));
    const text = chat.text();
    expect(text).toContain('CSV file people.csv: 8 contacts read.');
    expect(text).toContain('7 new contacts');
    expect(text).toContain('line 5: Z is not a tier (A–D) — kept with tier C');
    expect(text).toContain('line 6: sometime last year is not a date I can read — kept without it');
    expect(text).toContain('line 7: last contact 2027-01-01 lies in the future — kept without it');
    expect(text).toContain('line 8: no name and no email address — left out');
    expect(text).toContain('line 11: more cells than the header names');
    expect(text).toContain('1 entry repeats another one in the file — merged');
    await chat.press('Import');
    const contacts = await contactsByName(chat);
    const hana = contacts.get('Hana Novak');
    expect(hana).toMatchObject({ tier: 'A', email: 'hana.novak@example.cz', last_touch_on: '2026-10-02' });
    const notes = await chat.db.selectFrom('notes').select('text').where('contact_id', '=', hana!.id).execute();
    expect(notes.map((n) => n.text)).toEqual(['Wants a second store;\nask about Vienna', 'Same person again: likes e-bikes']);
    expect(contacts.get('Theo Lambert')).toMatchObject({ tier: 'B', last_touch_on: '2026-06-15' });
    expect(contacts.get('Ines Carvalho')).toMatchObject({ tier: 'B', last_touch_on: null });
    // Only contacts without a tier in the file are offered for triage.
    expect(chat.text()).toContain('Quick triage: your 3 new contacts');
  });
});
