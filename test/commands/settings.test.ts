/** /settings: each key reads its value into one canonical form, or refuses it with the key's own code. */
import { describe, expect, it } from 'vitest';
import { command, refusal } from './helpers.ts';

function value(text: string): string | undefined {
  return command(text, 'settings').value;
}

describe('settings', () => {
  it('no key shows the settings', () => {
    expect(command('/settings', 'settings')).toEqual({ intent: 'settings' });
    expect(command('einstellungen', 'settings')).toEqual({ intent: 'settings' });
  });

  it('a nudge time is written HH:MM in 24 hours', () => {
    expect(value('/settings time 8:30')).toBe('08:30');
    expect(value('/settings time 8.30')).toBe('08:30');
    expect(value('/settings time 08:30 Uhr')).toBe('08:30');
    expect(value('/settings time 8am')).toBe('08:00');
    expect(value('/settings time 8:30 pm')).toBe('20:30');
    expect(value('/settings time 12am')).toBe('00:00');
    expect(value('/settings zeit 7')).toBe('07:00');
  });

  it('an hour past 23 or a minute past 59 is no time', () => {
    expect(refusal('/settings time 25:00')).toMatchObject({ error: 'bad_time', intent: 'settings', params: { got: '25:00' } });
    expect(refusal('/settings time 8:75').error).toBe('bad_time');
    expect(refusal('/settings time 13pm').error).toBe('bad_time');
    expect(refusal('/settings time').error).toBe('bad_time');
  });

  it('a time zone is stored under its canonical IANA name', () => {
    expect(value('/settings timezone Europe/Berlin')).toBe('Europe/Berlin');
    expect(value('/settings timezone europe/berlin')).toBe('Europe/Berlin');
    expect(value('/settings timezone Berlin')).toBe('Europe/Berlin');
    expect(value('/settings timezone new york')).toBe('America/New_York');
    expect(value('/settings zeitzone UTC')).toBe('UTC');
  });

  it('an unknown zone is refused and named', () => {
    expect(refusal('/settings timezone Mars/Olympus')).toMatchObject({ error: 'bad_timezone', params: { got: 'Mars/Olympus' } });
  });

  it('nudge days are ISO weekdays ascending', () => {
    expect(value('/settings days mon-fri')).toBe('1,2,3,4,5');
    expect(value('/settings days mon,wed,fri')).toBe('1,3,5');
    expect(value('/settings days fri, mon and wed')).toBe('1,3,5');
    expect(value('/settings days weekdays')).toBe('1,2,3,4,5');
    expect(value('/settings days daily')).toBe('1,2,3,4,5,6,7');
    expect(value('/settings days every day')).toBe('1,2,3,4,5,6,7');
    expect(value('/settings days Mo-Fr')).toBe('1,2,3,4,5');
    expect(value('/settings tage werktags')).toBe('1,2,3,4,5');
    expect(value('/settings days täglich')).toBe('1,2,3,4,5,6,7');
    expect(value('/settings days sat-mon')).toBe('1,6,7');
  });

  it('a day that is no weekday is refused', () => {
    expect(refusal('/settings days funday')).toMatchObject({ error: 'bad_days', params: { got: 'funday' } });
    expect(refusal('/settings days constructor').error).toBe('bad_days');
  });

  it('one to three people a day, no more', () => {
    expect(value('/settings count 1')).toBe('1');
    expect(value('/settings anzahl drei')).toBe('3');
    expect(refusal('/settings count 0').error).toBe('bad_count');
    expect(refusal('/settings count 4').error).toBe('bad_count');
  });

  it('the language is en or de', () => {
    expect(value('/settings language de')).toBe('de');
    expect(value('/settings sprache deutsch')).toBe('de');
    expect(value('/settings language English')).toBe('en');
    expect(refusal('/settings language fr')).toMatchObject({ error: 'bad_language', params: { got: 'fr' } });
    expect(refusal('/settings language toString').error).toBe('bad_language');
  });

  it('the public holidays are a region code as written, or none', () => {
    expect(value('/settings holidays DE-BY')).toBe('DE-BY');
    expect(value('/settings feiertage de by')).toBe('DE-BY');
    expect(value('/settings holidays nz')).toBe('NZ');
    expect(value('/settings holidays none')).toBe('none');
    expect(value('/settings feiertage keine')).toBe('none');
    expect(refusal('/settings holidays Bavaria')).toMatchObject({ error: 'bad_holidays', params: { got: 'Bavaria' } });
    expect(refusal('/settings holidays DE/BY/X').error).toBe('bad_holidays');
  });

  it('a tier cadence is set for A or B, in days', () => {
    expect(command('/settings cadence A 45 days', 'settings')).toEqual({ intent: 'settings', key: 'cadence', tier: 'A', cadenceDays: 45, value: 'A:45' });
    expect(command('/settings cadence B 6 months', 'settings')).toMatchObject({ tier: 'B', cadenceDays: 180, value: 'B:180' });
  });

  it('C and D have no cadence by design', () => {
    expect(refusal('/settings cadence C 30 days')).toMatchObject({ error: 'tier_without_cadence', params: { tier: 'C' } });
    expect(refusal('/settings cadence D 30 days').error).toBe('tier_without_cadence');
  });

  it('a bad tier or span in a tier cadence is named', () => {
    expect(refusal('/settings cadence Z 30 days')).toMatchObject({ error: 'bad_tier', params: { got: 'Z' } });
    expect(refusal('/settings cadence A sometimes')).toMatchObject({ error: 'bad_cadence', params: { got: 'sometimes' } });
  });

  it('an unknown key is refused and named', () => {
    expect(refusal('/settings frobnicate 3')).toEqual({ error: 'bad_setting', intent: 'settings', params: { got: 'frobnicate' } });
  });
});
