/** English refusals: what was understood, what is wrong, and an example that works (spread into en.ts). */
import type { Intent, ParseError } from '../commands/command.ts';
import type { RichText } from '../port.ts';
import { b, code, l, line } from '../rich.ts';
import { enOccasions } from './en-occasions.ts';
import { enSources } from './en-sources.ts';
import type { SourceUsage } from '../commands/parse-sources.ts';

/** "Whom?" with an example of the command it was said for ("/snooze" alone, "/email" without a name). */
const WHOM: Partial<Record<Intent, [string, string]>> = {
  snooze: ['Whom should I snooze, and until when?', '/snooze Bob 2 weeks'],
  note: ['Whom is the note about?', '/note Anna promoted to CFO'],
  tier: ['Whose tier?', '/tier Bob C'],
  cadence: ['Whose cadence?', '/every Bob 3 weeks'],
  remind: ['Whom should I remind you about, and when?', '/remind Bob on December 3 ask about the tender'],
  show: ['Whom should I show?', '/show Anna'],
  archive: ['Whom should I archive?', '/archive Tom'],
  delete: ['Whom should I delete?', '/delete Tom'],
  rename: ['Whom should I rename?', '/rename Bob to Robert Meyer'],
  detail: ['Whose detail is it?', '/email Anna anna@example.org'],
  touch: ['With whom?', 'called Bob yesterday'],
  met: ['Whom did you meet?', '/met Anna at Verbandstagung, tier A'],
  add: ['Whom should I add?', '/add Bob Meyer, tier B'],
  intro: ['Whom did you introduce?', '/intro Anna to Bob'],
};

const FIELD_EXAMPLE: Record<string, string> = {
  email: '/email Anna anna@example.org',
  phone: '/phone Bob +49 30 1234567',
  company: '/company Anna Siemens',
  role: '/role Anna CFO',
  address: '/address Anna Keller: Lindenstraße 12, 10115 Berlin',
  birthday: '/birthday Anna 12.3.',
};

export function parseError(e: ParseError): RichText {
  const p = e.params;
  const got = p.got ?? '';
  const help = e.intent ? line(' See ', code(`/help ${e.intent}`), '.') : line();
  switch (e.error) {
    case 'empty':
      return [l`Say something like ${code('/met Anna at Verbandstagung, tier A')} — or ${code('/help')}.`];
    case 'too_long':
      if (e.intent === 'note') return [l`That note is too long (${Number(p.length ?? 0).toLocaleString('en')} characters; a note holds at most ${Number(p.max ?? 4000).toLocaleString('en')}). Nothing was changed — split it into two notes.`];
      return [l`That message is too long for a command (${p.length ?? 'over 500'} characters; at most ${p.max ?? '500'}). Nothing was changed.`];
    case 'not_understood':
      if (p.missing === 'query') return [l`What should I look for? Say e.g. ${code('/find siemens')} or ${code('/find #fintech')}.`];
      return [l`I did not understand ${b(got || p.text || '')}. Nothing was changed.`, l`Try ${code('/help')} for what I can do.`];
    case 'unknown_command':
      return [l`I don't know the command ${code(p.word ?? got)}. Nothing was changed.`, l`${code('/help')} lists all commands.`];
    case 'missing_name': {
      const whom = e.intent ? WHOM[e.intent] : undefined;
      if (whom) return [l`${whom[0]} I need a name — say e.g. ${code(whom[1])}.`];
      return [l`Whom do you mean? I need a name here.`, help];
    }
    case 'missing_other':
      if (e.intent === 'rename') return [l`What should ${b(p.name ?? 'they')} be called? Say e.g. ${code('/rename Bob to Robert Meyer')}.`];
      return [l`Whom did you introduce ${b(p.name ?? '')} to? Say ${code('/intro Anna to Bob')}.`];
    case 'missing_note':
      return [l`What should the note on ${b(p.name ?? 'them')} say?`, help];
    case 'missing_date':
      return [l`When? I need a date here, like ${code('until January 10')}, ${code('next week')} or ${code('in 2 weeks')}.`, help];
    case 'missing_value':
      return [l`What is ${b(p.name ?? 'their')}'s ${p.field ?? 'detail'}? Say e.g. ${code(FIELD_EXAMPLE[p.field ?? ''] ?? '/email Anna anna@example.org')}.`];
    case 'bad_date':
      return [l`I could not read a date in ${b(got)}. Try ${code('yesterday')}, ${code('last Friday')} or ${code('December 3')}.`];
    case 'impossible_date':
      return [l`${b(got)} is not a day of the calendar — no month has that day. Nothing was changed.`];
    case 'month_needed':
      return [l`Which month of ${b(p.year ?? got)}? Say e.g. ${code(`last talked March ${p.year ?? got}`)}. Nothing was changed.`];
    case 'bad_range':
      return [l`That range ends before it starts (${b(got)}). Say e.g. ${code('/pause from Dec 23 to Jan 6')}.`];
    case 'bad_email':
      return [l`${b(got)} is not an email address. Say e.g. ${code('/email Anna anna@example.org')}.`];
    case 'bad_phone':
      return [l`${b(got)} is not a phone number. Say e.g. ${code('/phone Bob +49 30 1234567')}.`];
    case 'bad_source':
      return enSources.sourceUsage((p.usage ?? 'calendar') as SourceUsage);
    case 'bad_birthday':
      return enOccasions.occasionParseError(e);
    case 'bad_address':
      return [l`I could not read a postal address in ${b(got)} — I need the street, then the postal code and city: ${code('/address Anna Keller: Lindenstraße 12, 10115 Berlin')}.`];
    case 'date_in_past':
      return [l`${b(got || p.date || '')} is in the past — this needs a future date. Nothing was changed.`];
    case 'date_in_future':
      return [l`${b(got || p.date || '')} is in the future — this can only record what already happened. Nothing was changed.`];
    case 'bad_tier':
      return [l`I could not find a tier in ${b(got)} — use A, B, C or D.${p.name ? ` Nothing changed for ${p.name}.` : ''}`];
    case 'tier_without_cadence':
      return [l`Tier ${p.tier ?? got} has no cadence: C contacts are passive and D contacts are suggested for archiving — only A and B are nudged.`];
    case 'bad_cadence':
      if (Number(p.days) <= 0 && p.days !== undefined) return [l`A cadence must be at least a day — ${b(got)} is not. Say e.g. ${code('/every Ann 3 weeks')}. Nothing was changed.`];
      return [l`I could not read a cadence in ${b(got)} — say e.g. ${code('every 3 weeks')} or ${code('2 months')} (between 1 day and 10 years).`];
    case 'bad_setting':
      return [l`There is no setting ${b(got)}. Settings: time, timezone, days, count, language, cadence, holidays.`, line(' See ', code('/help settings'), '.')];
    case 'bad_time':
      return [l`${b(got)} is not a time of day — say e.g. ${code('/settings time 8:30')}.`];
    case 'bad_timezone':
      return [l`${b(got)} is not a time zone I know — use a name like ${code('Europe/Berlin')} or ${code('America/New_York')}.`];
    case 'bad_days':
      return [l`I could not read days in ${b(got)} — say e.g. ${code('mon-fri')} or ${code('mon,wed,fri')}.`];
    case 'bad_count':
      return [l`${b(got)} is not a number of people per day — choose 1, 2 or 3.`];
    case 'bad_language':
      return [l`I speak English and German — ${b(got)} is neither. Say ${code('/settings language de')} or ${code('en')}.`];
    case 'bad_holidays':
      return [l`${b(got)} is not a holiday region — say e.g. ${code('/settings holidays DE-BY')}, ${code('NZ')}, or ${code('none')}.`];
    case 'bad_format':
      return [l`I can export ${code('json')}, ${code('csv')}, ${code('vcf')} or ${code('ics')} — not ${b(got)}.`];
  }
}
