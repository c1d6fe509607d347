/**
 * Every intent works as a slash command and as plain text, in any case, in
 * English and German, and from Telegram groups as /command@BotName.
 */
import { describe, expect, it } from 'vitest';
import type { Intent } from '../../src/commands/command.ts';
import { parseCommand } from '../../src/commands/parse.ts';
import { BERLIN, command, refusal } from './helpers.ts';

// One message per intent; each is also tried as plain text and with @bot.
const EXAMPLES: Record<Intent, string> = {
  met: 'met Anna at Verbandstagung, tier A',
  add: 'add Ingrid Larsen, Stufe A',
  touch: 'touch Tom 3 months ago',
  done: 'done Anna',
  noanswer: 'noanswer Bob',
  skip: 'skip Anna',
  snooze: 'snooze Bob 2 weeks',
  note: 'note Anna promoted to CFO',
  tier: 'tier Bob C',
  cadence: 'every Müller 2 months',
  remind: 'remind Bob on December 3 ask about the tender',
  today: 'today 3',
  overdue: 'overdue',
  show: 'show Anna',
  find: 'find siemens',
  list: 'list A',
  intro: 'intro Anna to Bob, both work on heat pumps',
  review: 'review',
  archive: 'archive Tom',
  keep: 'keep Tom',
  rename: 'rename Bob to Robert Meyer',
  detail: 'email Anna anna@example.org',
  delete: 'delete Tom',
  settings: 'settings time 8:30',
  pause: 'pause until January 6',
  resume: 'resume',
  stats: 'stats',
  export: 'export csv A B',
  forget: 'forget',
  undo: 'undo',
  help: 'help met',
  start: 'start',
  confirm: 'yes',
  cancel: 'no',
  calendar: 'calendar https://calendar.example.org/private-5f1c/basic.ics',
  caldav: 'calendar caldav https://dav.example.org/ ada',
  mail: 'mail imap.example.org ada@example.org',
  sourceOption: 'mail inbox on',
  sources: 'sources',
  disconnect: 'disconnect 2',
  sync: 'sync',
  cards: 'cards A B',
  birthday: 'birthday Anna 12.3.',
  address: 'address Anna Keller: Hauptstr. 5, 80331 München',
};

describe('every intent as slash command and plain text', () => {
  const cases = Object.entries(EXAMPLES) as [Intent, string][];

  it.each(cases)('%s: "/%s" and its plain form mean the same', (intent, text) => {
    const slash = command(`/${text}`, intent);
    expect(command(text, intent)).toEqual(slash);
    expect(command(`/${text.replace(/^(\S+)/, '$1@KeepWarmBot')}`, intent)).toEqual(slash);
  });

  it.each(cases)('%s: the intent word is read in any case', (intent, text) => {
    expect(command(text.replace(/^(\S+)/, (w) => w.toUpperCase()), intent)).toEqual(command(text, intent));
  });
});

// German words for the common intents, with umlauts and their ASCII spelling.
const GERMAN: [string, Intent][] = [
  ['erledigt', 'done'], ['überspringen', 'skip'], ['ueberspringen', 'skip'], ['später', 'snooze'], ['spaeter', 'snooze'],
  ['notiz Anna: neue Stelle', 'note'], ['heute', 'today'], ['überfällig', 'overdue'], ['/ueberfaellig', 'overdue'],
  ['rückgängig', 'undo'], ['hilfe', 'help'], ['einstellungen', 'settings'], ['statistik', 'stats'],
  ['pausieren 2 Wochen', 'pause'], ['pause bis Freitag', 'pause'], ['fortsetzen', 'resume'], ['archivieren Tom', 'archive'],
  ['löschen Tom', 'delete'], ['/loeschen Tom', 'delete'], ['vergessen', 'forget'], ['zeige Anna', 'show'], ['zeig Anna', 'show'],
  ['suche Siemens', 'find'], ['liste', 'list'], ['vorstellen Anna und Bob', 'intro'], ['erinnere Bob morgen', 'remind'],
  ['ja', 'confirm'], ['nein', 'cancel'], ['ok', 'confirm'], ['cancel', 'cancel'], ['stufe Bob A', 'tier'],
  ['nicht erreicht', 'noanswer'], ['keine Antwort', 'noanswer'], ['exportieren csv', 'export'],
];

describe('German intent words', () => {
  it.each(GERMAN)('"%s" is %s', (text, intent) => {
    command(text, intent);
  });
});

describe('answers to a nudge', () => {
  it('done alone, with punctuation or emoji, refers to the open nudge', () => {
    for (const text of ['done', 'Done!', 'done ✅', 'Erledigt.', 'DONE 🎉']) expect(command(text, 'done')).toEqual({ intent: 'done' });
  });

  it('"done both" and "beide" log every open entry', () => {
    for (const text of ['done both', 'erledigt beide', 'beide', 'both']) expect(command(text, 'done')).toEqual({ intent: 'done', both: true });
  });

  it('"no answer" is an attempt, with or without a name', () => {
    expect(command('no answer', 'noanswer')).toEqual({ intent: 'noanswer' });
    expect(command('no answer Bob', 'noanswer')).toEqual({ intent: 'noanswer', name: 'Bob' });
    expect(command('Bob nicht erreicht', 'noanswer')).toEqual({ intent: 'noanswer', name: 'Bob' });
    expect(command('/noanswer Bob, Mailbox', 'noanswer')).toEqual({ intent: 'noanswer', name: 'Bob', note: 'Mailbox' });
  });

  it('"later" and "später" snooze until tomorrow; "snooze" needs a date, "/snooze" alone a name first', () => {
    expect(command('later', 'snooze')).toEqual({ intent: 'snooze', until: '2026-11-24' });
    expect(command('später Bob', 'snooze')).toEqual({ intent: 'snooze', name: 'Bob', until: '2026-11-24' });
    expect(refusal('/snooze')).toMatchObject({ error: 'missing_name', intent: 'snooze' });
    expect(refusal('/snooze Bob')).toMatchObject({ error: 'missing_date', intent: 'snooze', params: { name: 'Bob' } });
  });

  it('"call 3 people now" asks for three people today', () => {
    expect(command('call 3 people now', 'today')).toEqual({ intent: 'today', count: 3 });
    expect(command('ruf 3 Leute an', 'today')).toEqual({ intent: 'today', count: 3 });
    expect(command('/today 2', 'today')).toEqual({ intent: 'today', count: 2 });
    expect(refusal('/today 4')).toMatchObject({ error: 'bad_count', params: { got: '4' } });
  });
});

describe('natural touch phrases', () => {
  it.each([
    ['called Bob last Friday about the offer', { name: 'Bob', kind: 'call', date: '2026-11-20', note: 'about the offer' }],
    ['had lunch with Anna yesterday', { name: 'Anna', kind: 'meeting', date: '2026-11-22' }],
    ['had coffee with Anna', { name: 'Anna', kind: 'meeting' }],
    ['met with Anna yesterday', { name: 'Anna', kind: 'meeting', date: '2026-11-22' }],
    ['meeting with Anna', { name: 'Anna', kind: 'meeting' }],
    ['emailed Carla', { name: 'Carla', kind: 'email' }],
    ['texted Bob', { name: 'Bob', kind: 'message' }],
    ['messaged Bob', { name: 'Bob', kind: 'message' }],
    ['wrote to Bob', { name: 'Bob', kind: 'message' }],
    ['spoke to Bob', { name: 'Bob', kind: 'call' }],
    ['talked to Bob', { name: 'Bob', kind: 'call' }],
    ['mit Jürgen telefoniert', { name: 'Jürgen', kind: 'call' }],
    ['Jürgen gestern angerufen', { name: 'Jürgen', kind: 'call', date: '2026-11-22' }],
    ['mit Anna Mittag gegessen', { name: 'Anna', kind: 'meeting' }],
    ['mit Anna zu Mittag gegessen', { name: 'Anna', kind: 'meeting' }],
    ['mit Anna Kaffee getrunken', { name: 'Anna', kind: 'meeting' }],
    ['Anna geschrieben', { name: 'Anna', kind: 'message' }],
    ['Anna eine Mail geschickt', { name: 'Anna', kind: 'email' }],
    ['Telefonat mit Jürgen', { name: 'Jürgen', kind: 'call' }],
  ] as const)('"%s"', (text, expected) => {
    expect(command(text, 'touch')).toMatchObject(expected);
  });

  it('"met X" is a new acquaintance, "met with X" a meeting with someone known', () => {
    command('met Anna', 'met');
    command('met with Anna', 'touch');
  });

  it('/touch without a kind word logs kind other', () => {
    expect(command('/touch Tom 3 months ago', 'touch')).toEqual({ intent: 'touch', name: 'Tom', kind: 'other', date: '2026-08-23' });
  });

  it('a message starting with a date word is still a touch', () => {
    expect(command('heute mit Anna telefoniert', 'touch')).toMatchObject({ name: 'Anna', kind: 'call' });
    expect(command('yesterday had lunch with Anna', 'touch')).toMatchObject({ name: 'Anna', date: '2026-11-22' });
  });
});

describe('intro, export, help', () => {
  it('introduces two contacts with an optional note, in English or German', () => {
    expect(command('/intro Anna to Bob, both work on heat pumps', 'intro')).toEqual({ intent: 'intro', name: 'Anna', other: 'Bob', note: 'both work on heat pumps' });
    expect(command('Anna mit Bob bekannt machen', 'intro')).toEqual({ intent: 'intro', name: 'Anna', other: 'Bob' });
    expect(refusal('/intro Anna')).toMatchObject({ error: 'missing_other', params: { name: 'Anna' } });
  });

  it('export defaults to json and takes tiers as a filter', () => {
    expect(command('/export', 'export')).toEqual({ intent: 'export', format: 'json', tiers: [] });
    expect(command('/export csv A B', 'export')).toEqual({ intent: 'export', format: 'csv', tiers: ['A', 'B'] });
    expect(command('/export ics', 'export').format).toBe('ics');
    expect(refusal('/export pdf')).toMatchObject({ error: 'bad_format', params: { got: 'pdf' } });
  });

  it('a help topic is named by its intent, whatever word was used', () => {
    expect(command('/help met', 'help').topic).toBe('met');
    expect(command('hilfe erledigt', 'help').topic).toBe('done');
    expect(command('/help later', 'help').topic).toBe('snooze');
  });

  it('/forget takes no name, because it erases everything', () => {
    expect(refusal('/forget Anna')).toMatchObject({ error: 'not_understood', intent: 'forget', params: { got: 'Anna' } });
  });
});

describe('refusals say what was understood', () => {
  it('a bad tier names the tier and the contact', () => {
    expect(refusal('/tier Bob Z')).toEqual({ error: 'bad_tier', intent: 'tier', params: { got: 'Z', name: 'Bob' } });
  });

  it('an unknown slash command names the word', () => {
    expect(refusal('/frobnicate Anna')).toEqual({ error: 'unknown_command', params: { word: 'frobnicate' } });
  });

  it('plain text that matches nothing is not understood', () => {
    expect(refusal('hello there').error).toBe('not_understood');
  });

  it('/met without a name asks for one', () => {
    expect(refusal('/met')).toMatchObject({ error: 'missing_name', intent: 'met' });
    expect(refusal('/met , tier A')).toMatchObject({ error: 'missing_name', intent: 'met', params: { tier: 'A' } });
  });

  it('the same text gives the same answer every time', () => {
    expect(parseCommand('/met Anna yesterday', BERLIN)).toEqual(parseCommand('/met Anna yesterday', BERLIN));
  });
});
