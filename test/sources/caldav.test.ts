/**
 * A CalDAV account on a real Radicale: the calendars of the account are
 * found (service discovery through tsdav), their events in the window read
 * with a time-range REPORT, and meetings logged as from a URL. A wrong
 * password and an unreachable server are answered clearly and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSource, listSources } from '../../src/store/sources.ts';
import { freePort } from '../doubles/net.ts';
import { NO_RADICALE_REASON, radicaleAvailable, startRadicale, type TestRadicale } from '../doubles/radicale.ts';
import { NOW } from './fixtures.ts';
import { makeWorld, type World } from './world.ts';

const ADA = { user: 'ada', password: 'cal-secret' };

function event(uid: string, start: string, end: string, summary: string, attendees: string[] = []): string {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//keepwarm tests//EN',
    'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', `DTSTART;TZID=Europe/Berlin:${start}`, `DTEND;TZID=Europe/Berlin:${end}`, `SUMMARY:${summary}`,
    ...attendees.map((a) => `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${a}`),
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}

async function withWorld(use: (world: World) => Promise<void>) {
  const world = await makeWorld(NOW);
  try {
    await use(world);
  } finally {
    await world.close();
  }
}

if (!radicaleAvailable) console.warn(`skipping ${import.meta.filename}: ${NO_RADICALE_REASON}`);
describe.skipIf(!radicaleAvailable)('a CalDAV account on Radicale', () => {
  let radicale: TestRadicale;
  beforeAll(async () => {
    radicale = await startRadicale([ADA]);
    await radicale.makeCalendar(ADA, 'work');
    await radicale.makeCalendar(ADA, 'private');
    await radicale.putEvent(ADA, 'work', 'review-1', event('review-1', '20261110T100000', '20261110T110000', 'Review', ['tom.berger@example.com']));
    await radicale.putEvent(ADA, 'work', 'lunch-1', event('lunch-1', '20261112T123000', '20261112T133000', 'Lunch mit Anna Keller'));
    // Outside the window: not even fetched.
    await radicale.putEvent(ADA, 'work', 'old-1', event('old-1', '20260110T100000', '20260110T110000', 'Old', ['tom.berger@example.com']));
    await radicale.putEvent(ADA, 'private', 'walk-1', event('walk-1', '20261114T100000', '20261114T110000', 'Walk with Lisa Kranz'));
  });
  afterAll(async () => radicale?.stop());

  const connect = (world: World, password = ADA.password, url = radicale.url) =>
    connectSource(world.database.db, world.user.id, { kind: 'caldav', name: 'radicale', host: url, username: ADA.user, secret: password }, world.box, NOW);

  it('logs the meetings with contacts of every calendar of the account', () =>
    withWorld(async (world) => {
      await connect(world);
      const [result] = await world.runner().runDue();
      expect(result).toMatchObject({ result: 'ok', summary: { added: 3 } });
      expect((await world.touches()).map((t) => `${t.on} ${t.contact}`)).toEqual(['2026-11-10 Tom Berger', '2026-11-12 Anna Keller', '2026-11-14 Lisa Kranz']);
    }));

  it('a moved event moves its touch and a deleted one removes it', () =>
    withWorld(async (world) => {
      await radicale.putEvent(ADA, 'work', 'moving-1', event('moving-1', '20261111T090000', '20261111T093000', 'Call', ['omar.haddad@example.net']));
      await connect(world);
      await world.runner().runDue();
      await radicale.putEvent(ADA, 'work', 'moving-1', event('moving-1', '20261113T090000', '20261113T093000', 'Call', ['omar.haddad@example.net']));
      await radicale.deleteEvent(ADA, 'private', 'walk-1');
      const [result] = await world.runner().runForUser(world.user.id);
      expect(result).toMatchObject({ result: 'ok', summary: { added: 0, moved: 1, removed: 1 } });
      expect((await world.touches()).map((t) => `${t.on} ${t.contact}`)).toEqual(['2026-11-10 Tom Berger', '2026-11-12 Anna Keller', '2026-11-13 Omar Haddad']);
      await radicale.deleteEvent(ADA, 'work', 'moving-1');
      await radicale.putEvent(ADA, 'private', 'walk-1', event('walk-1', '20261114T100000', '20261114T110000', 'Walk with Lisa Kranz'));
    }));

  it('a wrong password: auth_failed, nothing changed', () =>
    withWorld(async (world) => {
      await connect(world, 'wrong');
      const [result] = await world.runner().runDue();
      expect(result).toMatchObject({ result: 'auth_failed' });
      expect(await world.touches()).toEqual([]);
      expect((await listSources(world.database.db, world.user.id))[0]).toMatchObject({ lastResult: 'auth_failed', failures: 1 });
    }));

  it('an unreachable server: unreachable, nothing changed', () =>
    withWorld(async (world) => {
      await connect(world, ADA.password, `http://127.0.0.1:${await freePort()}/`);
      const [result] = await world.runner().runDue();
      expect(result).toMatchObject({ result: 'unreachable' });
      expect(await world.touches()).toEqual([]);
    }));
});
