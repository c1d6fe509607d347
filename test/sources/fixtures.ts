/** Shared pieces of the sources tests: the calendar fixtures and the invented network they name. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CALENDAR_DIR = join(import.meta.dirname, '..', 'fixtures', 'calendar');

export type CalendarFixture = 'google-secret-address' | 'outlook-published' | 'apple-icloud';

export function calendarFixture(name: CalendarFixture): string {
  return readFileSync(join(CALENDAR_DIR, `${name}.ics`), 'utf8');
}

/** The moment the calendar tests look from: Friday 20 November 2026, 19:00 in Berlin. */
export const NOW = new Date('2026-11-20T18:00:00.000Z');

/** The invented network of the fixtures (no real people). */
export const NETWORK = [
  { name: 'Anna Keller', email: 'anna.keller@example.org', more: ['a.keller@keller-consulting.example'] },
  { name: 'Anna Schmidt', email: 'anna.schmidt@example.org', more: [] },
  { name: 'Tom Berger', email: 'tom.berger@example.com', more: [] },
  { name: 'Jürgen Maas', email: null, more: [] },
  { name: 'Lisa Kranz', email: 'lisa@kranz.example', more: [] },
  { name: 'Omar Haddad', email: 'omar.haddad@example.net', more: [] },
  { name: 'Carla Rossi', email: 'carla.rossi@example.it', more: [] },
] as const;
