/** English help: the overview and one page per topic, with examples that work as typed. */
import type { Line, RichText } from '../port.ts';
import { b, code, l, line } from '../rich.ts';
import { helpTopicOf, type HelpTopic } from './help-topics.ts';

const ex = (...examples: string[]): Line => line('e.g. ', ...examples.flatMap((e, index) => [index > 0 ? ' · ' : '', code(e)]));

const TOPICS: Record<HelpTopic, RichText> = {
  sources: [
    l`Meetings and mails log themselves: ${code('/calendar https://…')} (a secret iCal address), ${code('/calendar caldav https://… USER')} or ${code('/mail imap.example.org USER')} — the password comes in the next message, stored encrypted.`,
    l`A meeting with a contact, or a mail you sent to one, becomes a touch. ${code('/sources')} shows what is connected, ${code('/sync')} reads now, ${code('/disconnect N')} removes one, ${code('/mail inbox on')} counts received mail too, ${code('/calendar private off')} leaves private events out.`,
  ],
  met: [l`${code('/met NAME [at PLACE] [WHEN] [, tier A-D] [#tag] [, note]')} — a new acquaintance. I plan a follow-up within 48 hours.`, ex('/met Anna at Verbandstagung, tier A', '/met Carla Rossi at Web Summit last Thursday #fintech')],
  add: [l`${code('/add NAME [, tier A-D] [, last talked WHEN]')} — someone you already know; no follow-up.`, ex('/add Bob Meyer, tier B, last talked 4 months ago')],
  touch: [l`Log contact in plain words, or ${code('/touch NAME [WHEN]')}.`, ex('called Bob last Friday about the offer', 'had lunch with Anna yesterday', 'emailed Carla', '/touch Tom 3 months ago')],
  done: [l`Answers to the daily nudge: ${code('done')}, ${code('done Anna')}, ${code('done both')}, ${code('done Anna, talked about the offer')}, ${code('no answer')} (tried, not reached: back in 3 days), ${code('skip')}, ${code('snooze 3 days')}, ${code('later')}. Or press the buttons.`],
  note: [l`${code('/note NAME TEXT')} — something to talk about next time (a promotion, a new hobby).`, ex('/note Anna promoted to CFO')],
  tier: [l`${code('/tier NAME A|B|C|D')} — A: most care (every 2 months) · B: standard (every 6 months) · C: passive, never nudged · D: no potential, archive at review.`, ex('/tier Bob C')],
  cadence: [l`${code('/every NAME INTERVAL')} — a cadence just for this person (a month counts as 30 days).`, ex('/every Müller 2 months', '/every Carla 3 weeks')],
  snooze: [l`${code('/snooze NAME for|until WHEN')} — leave someone out of the nudges for a while.`, ex('/snooze Bob 2 weeks', '/snooze Anna until January 10')],
  remind: [l`${code('/remind NAME on WHEN TEXT')} — a reminder that comes with the nudge that day.`, ex('/remind Bob on December 3 ask about the tender')],
  today: [l`${code('/today [1-3]')} — who to contact now, best first.`, ex('/today', '/today 3')],
  overdue: [l`${code('/overdue')} — follow-ups, reminders and everyone past their cadence, A before B, most overdue first.`],
  show: [l`${code('/show NAME')} — everything about one contact.`, ex('/show Anna')],
  find: [l`${code('/find TEXT')} — search names, places, companies, tags and notes.`, ex('/find siemens')],
  list: [l`${code('/list [A-D]')} — your contacts by tier.`, ex('/list A')],
  intro: [l`${code('/intro NAME to NAME [, why]')} — you connected two contacts; counts as contact with both.`, ex('/intro Anna to Bob, both work on heat pumps')],
  review: [l`${code('/review')} — walk through your network, oldest reviewed first: confirm tiers, archive the dead. Twice a year.`],
  archive: [l`${code('/archive NAME')} — keep the contact, but never nudge or list them.`, ex('/archive Tom')],
  delete: [l`${code('/delete NAME')} — delete a contact with all their history (asks first; ${code('/undo')} brings them back).`],
  settings: [
    l`${code('/settings')} shows your settings. Change them with:`,
    ex('/settings time 8:30', '/settings timezone Europe/Berlin', '/settings days mon-fri', '/settings count 1', '/settings language de', '/settings cadence A 45 days', '/settings holidays DE-BY'),
    l`${code('/settings holidays DE-BY')}: no nudge on the public holidays of your region (a country, or country-state), and every date I suggest avoids them; ${code('none')} switches them off. Without it, your time zone and language choose the country.`,
  ],
  pause: [
    l`${code('/pause until WHEN')} or ${code('/pause from WHEN to WHEN')} stops the nudges for a while (holidays); ${code('/resume')} starts them again.`,
    ex('/pause until January 6', '/pause from Dec 23 to Jan 6', 'holiday from Dec 23 to Jan 6'),
  ],
  stats: [l`${code('/stats')} — touches per week, the share on A contacts (aim: 80 %), overdue per tier, network size against ~150 — and the last 12 weeks as a picture.`],
  birthday: [
    l`${code('/birthday NAME DATE')} — I greet them in the morning nudge on the day (on Friday for a weekend birthday). Plain words work too.`,
    ex('/birthday Anna 12.3.', '/birthday Anna March 12 1985', "Anna's birthday is March 12", 'Anna hat am 12. März Geburtstag'),
  ],
  address: [l`${code('/address NAME: STREET, POSTCODE CITY[, COUNTRY]')} — the postal address for the card list; the colon ends the name.`, ex('/address Anna Keller: Hauptstr. 5, 80331 München')],
  cards: [
    l`${code('/cards [A-D …]')} (${code('/weihnachtskarten')}) — this year's Christmas-card list, A and B by default: who has no address yet, a CSV for Excel and address labels (PDF, Avery Zweckform 3422). ${code('/cards sent')} logs a card for everyone on it.`,
    ex('/weihnachtskarten', '/cards A', '/cards A B C', '/cards sent'),
  ],
  export: [
    l`${code('/export json|csv|vcf|ics [A-D …]')} — your data as a file: ${code('json')} holds everything (and imports back), ${code('csv')} and ${code('vcf')} your contacts (by tier: the holiday-card list), ${code('ics')} a calendar of who is due when and your reminders.`,
    ex('/export json', '/export csv A B', '/export vcf', '/export ics'),
  ],
  rename: [l`${code('/rename NAME to NEW NAME')} — correct how a contact is called.`, ex('/rename Bob to Robert Meyer')],
  details: [
    l`${code('/email')} ${code('/phone')} ${code('/company')} ${code('/role')} ${code('/address')} ${code('/birthday')} — a contact's details, by command or in a sentence; ${code('/show')} lists them, ${code('/undo')} takes one back.`,
    ex('/email Anna anna@example.org', '/phone Bob +49 30 1234567', '/address Anna Keller: Lindenstraße 12, 10115 Berlin', '/birthday Anna 12.3.', "Anna's email is anna@example.org"),
  ],
  forget: [l`${code('/forget')} — erase everything keepwarm holds about you (asks for a typed confirmation).`],
  undo: [l`${code('/undo')} — revert the last change (up to 20 steps back).`],
  import: [
    l`Send a file to bring contacts in: vCard (.vcf from your phone, Apple, Google or Outlook), LinkedIn's ${code('Connections.csv')}, a XING export, any CSV whose first line names the columns (Name, Email, Company …), or a keepwarm ${code('/export json')} file.`,
    l`I show what would change first and import only when you confirm; new contacts start as C (passive). ${code('/undo')} takes an import back.`,
  ],
};

export const enHelp = {
  overview: (): RichText => [
    line(b('What I understand'), ' (as /command or plain text; dates like "yesterday" or "last Friday"):'),
    l`${code('/met')} ${code('/add')} — new and known contacts`,
    l`${code('called Bob yesterday')} ${code('called Tom, Lisa and Omar')} ${code('/note')} ${code('/remind')} — log contact, notes, reminders`,
    l`${code('/email')} ${code('/phone')} ${code('/address')} ${code('/birthday')} ${code('/rename')} — details of a contact`,
    l`${code('/today')} ${code('/overdue')} ${code('done')} ${code('skip')} ${code('snooze')} — whom to call and your answers`,
    l`${code('/show')} ${code('/find')} ${code('/list')} ${code('/stats')} — look at your network`,
    l`${code('/tier')} ${code('/every')} ${code('/intro')} ${code('/review')} ${code('/archive')} ${code('/delete')} — shape it`,
    l`${code('/birthday')} ${code('/address')} ${code('/weihnachtskarten')} — birthdays, addresses, the card list`,
    l`${code('/settings')} ${code('/pause')} ${code('/resume')} ${code('/export')} ${code('/forget')} ${code('/undo')}`,
    l`${code('/calendar')} ${code('/mail')} ${code('/sources')} — meetings and mails that log themselves`,
    l`${code('/help COMMAND')} explains one, e.g. ${code('/help met')}.`,
  ],
  topic: (word: string): RichText | undefined => {
    const topic = helpTopicOf(word);
    return topic && TOPICS[topic];
  },
};
