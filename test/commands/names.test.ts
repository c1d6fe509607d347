/**
 * A contact's name is taken as written. Names that chrono would read as a
 * month or weekday ("April", "June", "Sunday", German "Mo") stay names; a date
 * is only taken outside the name.
 */
import { describe, expect, it } from 'vitest';
import { command } from './helpers.ts';

const NAMES = ['May Chen', 'Jan de Vries', 'April Jones', 'Sunday Adebayo', 'Mo Salah', 'June Park', 'Friday Okafor', 'Marz Weber', 'August Becker', 'Di Maria', 'So Yeon Kim'];

describe('a name containing a month or weekday stays a name', () => {
  it.each(NAMES)('/met %s at the Summit keeps the name and today as the date', (name) => {
    const met = command(`/met ${name} at the Summit`, 'met');
    expect(met).toMatchObject({ name, place: 'Summit', date: '2026-11-23' });
  });

  it.each(NAMES)('/met %s yesterday takes only "yesterday" as the date', (name) => {
    expect(command(`/met ${name} yesterday`, 'met')).toMatchObject({ name, date: '2026-11-22' });
  });

  it.each(NAMES)('"called %s last Friday" is a call on Friday the 20th', (name) => {
    expect(command(`called ${name} last Friday`, 'touch')).toMatchObject({ name, kind: 'call', date: '2026-11-20' });
  });

  it.each(NAMES)('"/touch %s" without a date is today', (name) => {
    expect(command(`/touch ${name}`, 'touch')).toMatchObject({ name, date: '2026-11-23' });
  });

  it.each(NAMES)('"/snooze %s 2 weeks" snoozes that person', (name) => {
    expect(command(`/snooze ${name} 2 weeks`, 'snooze')).toMatchObject({ name, until: '2026-12-07' });
  });

  it.each(NAMES)('"/snooze %s until Friday" snoozes until the coming Friday', (name) => {
    expect(command(`/snooze ${name} until Friday`, 'snooze')).toMatchObject({ name, until: '2026-11-27' });
  });

  it('a weekday name and the same weekday as a date are told apart', () => {
    expect(command('/met Friday Okafor on Friday', 'met')).toMatchObject({ name: 'Friday Okafor', date: '2026-11-20' });
    expect(command('/snooze June Park until June', 'snooze')).toMatchObject({ name: 'June Park', until: '2027-06-01' });
  });
});

describe('a name is what the user wrote, nothing else of the message', () => {
  it('keeps SQL, Slack mentions and markup untouched', () => {
    expect(command("/met Robert'); DROP TABLE contacts;-- at Hack Day", 'met').name).toBe("Robert'); DROP TABLE contacts;--");
    expect(command('/met <!channel> at Slack Summit', 'met').name).toBe('<!channel>');
    expect(command('/show <b>Anna</b>', 'show').name).toBe('<b>Anna</b>');
  });

  it('keeps titles, particles and accents', () => {
    expect(command('/met Dr. Jürgen Müller auf der Hannover Messe, Stufe A', 'met').name).toBe('Dr. Jürgen Müller');
    expect(command('done Jan de Vries', 'done').name).toBe('Jan de Vries');
  });

  it('drops surrounding quotes and trailing chat decoration', () => {
    expect(command('/met "Anna Schmidt" at X', 'met').name).toBe('Anna Schmidt');
    expect(command('done Anna 👍', 'done').name).toBe('Anna');
    expect(command('done Anna!', 'done').name).toBe('Anna');
  });

  it('leaves tags, tier, place, date and note out of the name', () => {
    const met = command('/met Carla Rossi at Web Summit last Thursday #fintech, tier A, CFO at Siemens', 'met');
    expect(met).toMatchObject({ name: 'Carla Rossi', place: 'Web Summit', date: '2026-11-19', tier: 'A', tags: ['fintech'], note: 'CFO at Siemens' });
  });

  it('a note after a colon or comma is split off; without one, the capitalised words are the name', () => {
    expect(command('/note Jürgen: Hobby Segeln', 'note')).toMatchObject({ name: 'Jürgen', note: 'Hobby Segeln' });
    expect(command('/note Anna Schmidt promoted to CFO', 'note')).toMatchObject({ name: 'Anna Schmidt', note: 'promoted to CFO' });
    expect(command('/done Bob, talked about the Q1 offer', 'done')).toMatchObject({ name: 'Bob', note: 'talked about the Q1 offer' });
  });

  it('a note of German capitalised nouns leaves the name its first word', () => {
    expect(command('/note Jürgen Hobby Segeln', 'note')).toMatchObject({ name: 'Jürgen', note: 'Hobby Segeln' });
  });
});
