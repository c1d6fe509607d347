/** /export csv, vcf and ics: what the files hold, how they escape and fold, and the tier filter. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/export/csv.ts';
import { escapeText, foldLine } from '../../src/export/vcf.ts';
import { startChat, type TestChat } from '../doubles/chat.ts';

async function network(chat: TestChat) {
  for (const text of [
    '/add Anna Schmidt, tier A, last talked 10 days ago',
    '/note Anna likes sailing; ask about the regatta, in June',
    '/add Bob Meyer, tier B, last talked 7 months ago',
    '/remind Bob on December 3 ask about the tender; bring the offer',
    '/add Carla Rossi, tier C',
    '/add =HYPERLINK("http://evil.example"), tier D',
    '/add Tom Berger, tier A',
    '/archive Tom',
  ]) {
    await chat.say(text);
  }
}

async function file(chat: TestChat, command: string) {
  const [reply] = await chat.say(command);
  return { reply: reply!, text: reply!.file!.content.toString('utf8') };
}

describe('/export csv', () => {
  it('one row per contact with a header, a BOM for Excel, CRLF, and formulas defused', async () => {
    const chat = await startChat();
    await network(chat);
    const { reply, text } = await file(chat, '/export csv');
    expect(reply.file).toMatchObject({ name: 'keepwarm-2026-11-23.csv', mimeType: 'text/csv' });
    expect(chat.text()).toBe('Here is your network as CSV: 5 contacts.');
    expect(text.startsWith('\ufeffName,Tier,Email,Phone,Company,Role,Place,Met on,Last contact,Next due,Tags,Notes,Status,Birthday,Salutation,Academic Title,Street,Street 2,Postal Code,City,Region,Country,Address Type\r\n')).toBe(true);
    expect(text).toContain('Anna Schmidt,A,,,,,,,2026-11-13,2026-01-12'.replace('2026-01-12', '2027-01-12'));
    expect(text).toContain('"likes sailing; ask about the regatta, in June"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });

  it('/export csv A B is the list of active A and B contacts (the holiday cards)', async () => {
    const chat = await startChat();
    await network(chat);
    const { text } = await file(chat, '/export csv A B');
    expect(chat.text()).toBe('Here is your network as CSV: 2 contacts of tier A, B.');
    const names = text.trim().split('\r\n').slice(1).map((row) => row.split(',')[0]);
    expect(names).toEqual(['Anna Schmidt', 'Bob Meyer']);
  });

  it('phone numbers starting with + stay as they are; formulas get a quote', () => {
    expect(csvCell('+49 30 1234567')).toBe('+49 30 1234567');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('-42')).toBe('-42');
    expect(csvCell('-cmd|x')).toBe("'-cmd|x");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
  });
});

describe('/export vcf', () => {
  it('vCard 4.0 cards that ical.js reads back, escaped and folded at 75 octets', async () => {
    const chat = await startChat();
    await network(chat);
    await chat.say('/note Anna: ' + 'Zürich–Genève '.repeat(12));
    const { reply, text } = await file(chat, '/export vcf A');
    expect(reply.file).toMatchObject({ name: 'keepwarm-2026-11-23-A.vcf', mimeType: 'text/vcard' });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // One card: ical.js returns the component itself rather than a list.
    const card = ICAL.parse(text) as unknown as [string, [string, object, string, ...unknown[]][]];
    expect(card[0]).toBe('vcard');
    const props = Object.fromEntries(card[1].map((p) => [p[0], p[3]]));
    expect(props).toMatchObject({ version: '4.0', fn: 'Anna Schmidt', 'x-keepwarm-tier': 'A' });
    expect(String(props.note)).toContain('likes sailing; ask about the regatta, in June\nZürich–Genève');
    expect(props.uid).toMatch(/^urn:keepwarm:\d+:contact:\d+$/);
  });

  it('escapes backslash, comma, semicolon and line breaks; folds without splitting a character', () => {
    expect(escapeText('a\\b,c;d\ne')).toBe('a\\\\b\\,c;d\\ne');
    expect(escapeText('Acme; Inc', true)).toBe('Acme\\; Inc');
    const folded = foldLine('NOTE:' + 'ü'.repeat(100));
    expect(folded.split('\r\n').map((l) => Buffer.byteLength(l))).toEqual([75, 75, 57]);
    expect(folded.replace(/\r\n /g, '')).toBe('NOTE:' + 'ü'.repeat(100));
  });
});

describe('/export ics', () => {
  it('all-day events for A and B contacts on their next due day and for open reminders, with stable UIDs', async () => {
    const chat = await startChat();
    await network(chat);
    const { reply, text } = await file(chat, '/export ics');
    expect(reply.file).toMatchObject({ name: 'keepwarm-2026-11-23.ics', mimeType: 'text/calendar' });
    expect(chat.text()).toContain('Here is your calendar: 3 entries');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => ({
      uid: String(e.getFirstPropertyValue('uid')),
      start: String(e.getFirstPropertyValue('dtstart')),
      summary: String(e.getFirstPropertyValue('summary')),
      allDay: (e.getFirstPropertyValue('dtstart') as ICAL.Time).isDate,
    }));
    expect(events.map(({ uid: _uid, ...e }) => e)).toEqual([
      // Bob is overdue (7 months > 180 days): his entry is today, not in the past.
      { start: '2026-11-23', summary: 'Keep warm: Bob Meyer (B)', allDay: true },
      { start: '2026-12-03', summary: 'Reminder: Bob Meyer — ask about the tender; bring the offer', allDay: true },
      { start: '2027-01-12', summary: 'Keep warm: Anna Schmidt (A)', allDay: true },
    ]);
    expect(text).toContain('SUMMARY:Reminder: Bob Meyer — ask about the tender\\; bring the offer');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const again = await file(chat, '/export ics');
    const uids = (t: string) => t.split('\r\n').filter((l) => l.startsWith('UID:'));
    expect(uids(again.text)).toEqual(uids(text));
    expect(uids(text)[0]).toMatch(/^UID:keepwarm-due-\d+-\d+@keepwarm$/);
  });

  it('in German, and filtered by tier', async () => {
    const chat = await startChat({ locale: 'de' });
    await network(chat);
    const { text } = await file(chat, '/export ics A');
    expect(chat.text()).toContain('Hier ist dein Kalender: 1 Eintrag');
    expect(text).toContain('SUMMARY:Kontakt pflegen: Anna Schmidt (A)');
  });
});
