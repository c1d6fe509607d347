import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { localDateOf, localTimeOf, zoneOffsetMinutes } from '../../src/core/dates.ts';

const zones = ['Europe/Berlin', 'America/New_York', 'Pacific/Chatham', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kathmandu', 'UTC', 'Pacific/Apia', 'Africa/Casablanca', 'America/Santiago', 'Antarctica/Troll'];

describe('local dates and times of instants', () => {
  it('agree with luxon for any instant in zones with odd offsets and odd daylight saving', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }), fc.constantFrom(...zones), (ms, zone) => {
        const dt = DateTime.fromMillis(ms, { zone });
        expect(localDateOf(new Date(ms), zone)).toBe(dt.toISODate());
        expect(localTimeOf(new Date(ms).toISOString(), zone)).toBe(dt.toFormat('HH:mm'));
        expect(zoneOffsetMinutes(new Date(ms), zone)).toBe(dt.offset);
      }),
      { numRuns: 5000 },
    );
  });

  it('switch at the exact minute of a daylight-saving change', () => {
    // Berlin, 29 March 2026: 00:59:59Z is 01:59:59 CET, one second later it is 03:00:00 CEST.
    expect(localTimeOf('2026-03-29T00:59:59.000Z', 'Europe/Berlin')).toBe('01:59');
    expect(localTimeOf('2026-03-29T01:00:00.000Z', 'Europe/Berlin')).toBe('03:00');
    expect(localDateOf('2026-10-24T22:00:00.000Z', 'Europe/Berlin')).toBe('2026-10-25');
    expect(localDateOf('2026-10-24T21:59:59.000Z', 'Europe/Berlin')).toBe('2026-10-24');
  });
});
