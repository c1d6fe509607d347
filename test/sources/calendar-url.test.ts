/**
 * Secret iCalendar URLs on a local HTTP server, in the forms Google, Outlook
 * and Apple export: which meetings become touches, moved and deleted events,
 * /undo of a sync, private events, events ahead, and every kind of trouble —
 * a 50 MB calendar, a redirect loop, no answer, nobody listening, a private
 * address — answered with a typed result that changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoLast, withChange } from '../../src/store/change.ts';
import { eventsOn, touchesLoggedSince } from '../../src/store/source-items.ts';
import { connectSource, disconnectSource, listSources, setSourceOptions } from '../../src/store/sources.ts';
import { startCalendarServer, hugeCalendar, type CalendarServer } from '../doubles/calendar-server.ts';
import { freePort } from '../doubles/net.ts';
import { calendarFixture, NOW } from './fixtures.ts';
import { makeWorld, type World } from './world.ts';

let server: CalendarServer;
beforeAll(async () => {
  server = await startCalendarServer();
  server.serve('/google/private-5f1c/basic.ics', calendarFixture('google-secret-address'));
  server.serve('/outlook/published/calendar.ics', calendarFixture('outlook-published'));
  server.serve('/apple/published/home.ics', calendarFixture('apple-icloud'));
});
afterAll(async () => server?.stop());

async function withWorld(use: (world: World) => Promise<void>) {
  const world = await makeWorld(NOW);
  try {
    await use(world);
  } finally {
    await world.close();
  }
}

const connect = (world: World, path: string, name = 'calendar') =>
  connectSource(world.database.db, world.user.id, { kind: 'ical', name, secret: server.url(path) }, world.box, NOW);
const brief = async (world: World) => (await world.touches()).map(({ contact, on, kind }) => `${on} ${contact} ${kind}`);

describe('a secret iCalendar URL', () => {
  it('Google: meetings with contacts count on their local dates; cancelled, declined, all-day-alone and upcoming ones do not', () =>
    withWorld(async (world) => {
      await connect(world, '/google/private-5f1c/basic.ics');
      const [result] = await world.runner().runDue();
      expect(result).toMatchObject({ result: 'ok', summary: { added: 5 } });
      expect(await brief(world)).toEqual([
        '2026-10-27 Tom Berger meeting',
        '2026-11-06 Tom Berger meeting',
        '2026-11-12 Tom Berger meeting',
        '2026-11-13 Lisa Kranz meeting',
        // 23:30 UTC on the 19th is the 20th in Berlin.
        '2026-11-20 Omar Haddad meeting',
      ]);
    }));

  it('Outlook: titles name contacts — never one of two Annas — and Windows time zones give the right dates', () =>
    withWorld(async (world) => {
      await connect(world, '/outlook/published/calendar.ics');
      await world.runner().runDue();
      expect(await brief(world)).toEqual([
        '2026-10-23 Tom Berger meeting',
        '2026-10-30 Tom Berger meeting',
        '2026-11-02 Omar Haddad meeting',
        '2026-11-09 Anna Keller meeting',
      ]);
    }));

  it('Apple: each occurrence of a recurring event counts, and an all-day event with attendees counts', () =>
    withWorld(async (world) => {
      await connect(world, '/apple/published/home.ics');
      await world.runner().runDue();
      expect(await brief(world)).toEqual([
        '2026-10-24 Lisa Kranz meeting',
        '2026-10-31 Lisa Kranz meeting',
        '2026-11-02 Carla Rossi meeting',
        '2026-11-07 Lisa Kranz meeting',
        '2026-11-14 Lisa Kranz meeting',
        '2026-11-16 Jürgen Maas meeting',
      ]);
    }));

  it('a second sync of the same calendar changes nothing, and the contact’s last contact follows the touches', () =>
    withWorld(async (world) => {
      await connect(world, '/apple/published/home.ics');
      await world.runner().runDue();
      const [again] = await world.runner().runForUser(world.user.id);
      expect(again).toMatchObject({ result: 'ok', summary: { added: 0, moved: 0, removed: 0 } });
      expect(await world.touches()).toHaveLength(6);
      const lisa = await world.database.db.selectFrom('contacts').select('last_touch_on').where('id', '=', world.ids.get('Lisa Kranz')!).executeTakeFirstOrThrow();
      expect(lisa.last_touch_on).toBe('2026-11-14');
    }));

  it('a moved event moves its touch and a deleted event removes it', () =>
    withWorld(async (world) => {
      server.serve('/google/changing.ics', calendarFixture('google-secret-address'));
      await connect(world, '/google/changing.ics');
      await world.runner().runDue();
      const changed = calendarFixture('google-secret-address')
        .replace('DTSTART;TZID=Europe/Berlin:20261106T090000', 'DTSTART;TZID=Europe/Berlin:20261105T090000')
        .replace('DTEND;TZID=Europe/Berlin:20261106T100000', 'DTEND;TZID=Europe/Berlin:20261105T100000')
        .replace(/BEGIN:VEVENT\r\nDTSTART:20261119T233000Z[\s\S]*?END:VEVENT\r\n/, '');
      server.serve('/google/changing.ics', changed);
      const [result] = await world.runner().runForUser(world.user.id);
      expect(result).toMatchObject({ result: 'ok', summary: { added: 0, moved: 1, removed: 1 } });
      expect(await brief(world)).toEqual(['2026-10-27 Tom Berger meeting', '2026-11-05 Tom Berger meeting', '2026-11-12 Tom Berger meeting', '2026-11-13 Lisa Kranz meeting']);
      const omar = await world.database.db.selectFrom('contacts').select('last_touch_on').where('id', '=', world.ids.get('Omar Haddad')!).executeTakeFirstOrThrow();
      expect(omar.last_touch_on).toBeNull();
    }));

  it('each sync is one undo step; what /undo took back is not logged again', () =>
    withWorld(async (world) => {
      await connect(world, '/outlook/published/calendar.ics', 'Outlook');
      await world.runner().runDue();
      const label = await withChange(world.database.db, world.user, NOW, null, (change) => undoLast(change));
      expect(JSON.parse(label!)).toEqual({ key: 'sync', name: 'Outlook' });
      expect(await world.touches()).toEqual([]);
      const [again] = await world.runner().runForUser(world.user.id);
      expect(again).toMatchObject({ result: 'ok', summary: { added: 0 } });
      expect(await world.touches()).toEqual([]);
    }));

  it('private events count for nobody when the user so chooses', () =>
    withWorld(async (world) => {
      const source = await connect(world, '/google/private-5f1c/basic.ics');
      await world.runner().runDue();
      await setSourceOptions(world.database.db, world.user.id, source.id, { skipPrivate: true });
      await world.runner().runForUser(world.user.id);
      expect((await brief(world)).filter((t) => t.includes('Lisa'))).toEqual([]);
    }));

  it('an upcoming meeting is listed for its day, and becomes a touch once it is over', () =>
    withWorld(async (world) => {
      await connect(world, '/google/private-5f1c/basic.ics');
      await world.runner().runDue();
      expect(await eventsOn(world.database.db, world.user.id, '2026-11-21')).toEqual([
        { contactId: world.ids.get('Anna Keller'), startsAt: '2026-11-21T13:00:00.000Z', allDay: false },
      ]);
      const later = new Date('2026-11-21T15:00:00.000Z');
      await world.runner({ now: () => later }).runForUser(world.user.id);
      expect((await brief(world)).filter((t) => t.includes('Anna'))).toEqual(['2026-11-21 Anna Keller meeting']);
      expect(await touchesLoggedSince(world.database.db, world.user.id, later.toISOString())).toEqual([
        { contactId: world.ids.get('Anna Keller'), kind: 'meeting', on: '2026-11-21' },
      ]);
      expect(await eventsOn(world.database.db, world.user.id, '2026-11-21')).toHaveLength(1);
    }));

  it('the same calendar connected twice logs each meeting once; disconnecting keeps the touches and reconnecting logs nothing twice', () =>
    withWorld(async (world) => {
      const first = await connect(world, '/apple/published/home.ics', 'one');
      await connect(world, '/apple/published/home.ics', 'two');
      await world.runner().runDue();
      expect(await world.touches()).toHaveLength(6);
      expect(await disconnectSource(world.database.db, world.user.id, first.id)).toBe(true);
      await disconnectSource(world.database.db, world.user.id, first.id + 1);
      expect(await world.touches()).toHaveLength(6);
      await connect(world, '/apple/published/home.ics', 'three');
      await world.runner().runDue();
      expect(await world.touches()).toHaveLength(6);
    }));
});

describe('trouble is answered clearly and changes nothing', () => {
  async function failsWith(path: string, expected: string, options: Parameters<World['runner']>[0] = {}) {
    await withWorld(async (world) => {
      const good = await connect(world, '/google/private-5f1c/basic.ics');
      await world.runner().runDue();
      const before = await world.touches();
      await world.database.db.updateTable('sources').set({ secret: world.box.seal(world.user.id, path.startsWith('http') ? path : server.url(path)) }).where('id', '=', good.id).execute();
      const [result] = await world.runner(options).runForUser(world.user.id);
      expect(result?.result).toBe(expected);
      expect(await world.touches()).toEqual(before);
      expect((await listSources(world.database.db, world.user.id))[0]).toMatchObject({ lastResult: expected, failures: 1 });
    });
  }

  it('a 50 MB calendar: too_large, read no further than the limit', async () => {
    server.serve('/huge.ics', hugeCalendar(50 * 1024 * 1024));
    await failsWith('/huge.ics', 'too_large');
  });

  it('a redirect loop: http_error after a few hops', async () => {
    server.serve('/loop.ics', (res) => res.writeHead(302, { location: '/loop.ics' }).end());
    await failsWith('/loop.ics', 'http_error');
    expect(server.requests('/loop.ics')).toBeLessThanOrEqual(6);
  });

  it('a redirect within bounds is followed', () =>
    withWorld(async (world) => {
      server.serve('/moved.ics', (res) => res.writeHead(301, { location: '/apple/published/home.ics' }).end());
      await connect(world, '/moved.ics');
      expect((await world.runner().runDue())[0]).toMatchObject({ result: 'ok', summary: { added: 6 } });
    }));

  it('a server that does not answer: timeout', async () => {
    server.serve('/silent.ics', () => undefined);
    await failsWith('/silent.ics', 'timeout', { limits: { allowPrivate: true, http: { maxBytes: 1 << 20, timeoutMs: 300, maxRedirects: 5, allowPrivate: true } } });
  });

  it('nobody listening: unreachable', async () => {
    await failsWith(`http://127.0.0.1:${await freePort()}/calendar.ics`, 'unreachable');
  });

  it('a page that is no calendar: not_calendar; a missing one: http_error', async () => {
    server.serve('/page.ics', (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'));
    await failsWith('/page.ics', 'not_calendar');
    await failsWith('/nothing-here.ics', 'http_error');
  });

  it('a private address, unless the operator allows them: private_address', async () => {
    await failsWith('/apple/published/home.ics', 'private_address', { limits: { allowPrivate: false } });
  });
});
