/**
 * Import files that are big on purpose, for the tests and the bench that
 * show one user's import holds nobody else up: keepwarm's own JSON export
 * with many invented contacts, and a vCard 2.1 value continued over many
 * quoted-printable soft line breaks (issue 16's reproduction).
 */

const FIRST = ['Anna', 'Bob', 'Carla', 'Jürgen', 'Lena', 'Tom', 'Sophie', 'Jan', 'Ingrid', 'May'];

/** A keepwarm JSON export of `count` distinct invented contacts, each with a note and a touch (50,000: about 18 MB). */
export function keepwarmExport(count: number): Buffer {
  const contacts = Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    name: `${FIRST[i % FIRST.length]} Person-${i}`,
    tier: ['A', 'B', 'C', 'D'][i % 4],
    company: `Firma ${i % 700} GmbH`,
    role: 'CTO',
    email: `p${i}@example.org`,
    phone: null,
    place: i % 3 ? 'Hannover Messe' : null,
    tags: i % 5 ? ['fintech'] : [],
    status: 'active',
    source: 'import',
    createdOn: '2026-01-02',
    notes: [{ text: `Note ${i}`, at: '2026-01-02T10:00:00.000Z' }],
    touches: [{ at: '2026-02-03', kind: 'call', note: null }],
    reminders: [],
  }));
  const settings = { language: 'en', timeZone: 'Europe/Berlin', nudgeTime: '09:00', nudgeDays: [1, 2, 3, 4, 5], nudgeCount: 2, cadences: { A: 60, B: 90 } };
  return Buffer.from(JSON.stringify({ version: 1, contacts, introductions: [], settings }));
}

/** One vCard 2.1 card whose name is continued over `breaks` soft line breaks (160,000: 960 KB). */
export function softBreakVcard(breaks: number): Buffer {
  return Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:Q' + '=\r\n=41'.repeat(breaks) + '\r\nEND:VCARD\r\n');
}
