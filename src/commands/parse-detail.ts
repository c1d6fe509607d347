/**
 * Details of a contact said in the chat: "/email Anna anna@example.org",
 * "Annas E-Mail ist …", "/phone Bob +49 30 1234567", "/company Anna Siemens",
 * "/role Anna CFO", "/address Anna Keller: Lindenstraße 12, 10115 Berlin",
 * "Anna hat am 12. März Geburtstag", "/birthday Anna 12.3.". Each value is
 * checked here: an email needs an @, a phone its digits, an address a postal
 * code and city, a birthday a day the calendar has.
 */
import { parseAddressText } from '../core/address.ts';
import { formatBirthday, isValidBirthday } from '../core/birthday.ts';
import type { Command, DetailField, ParseError } from './command.ts';
import { impossibleDate } from './calendar-words.ts';
import { cleanName } from './name-note.ts';
import { collapse, isNoise } from './normalize.ts';
import { refuse } from './command.ts';
import { gather, gatherRecord } from './lexicon/index.ts';
import { alternation, lookupWord, phrases, table } from './lexicon/compile.ts';

const EMAIL = /(?<![^\s<(,;:])<?([^\s<>@,;:()]+@[^\s<>@,;:()]+\.[^\s<>@,;:().]{2,})>?[.,;]?$/u;
const PHONE = /(?:^|\s)((?:\+|00)?\d[\d\s()/.-]{3,}\d)\s*$/u;
const MAX_DETAIL_LENGTH = 200;

/** "/email Anna anna@example.org" and the other detail commands, after the command word. */
export function parseDetail(field: DetailField, arg: string): Command | ParseError {
  const text = collapse(arg);
  if (isNoise(text)) return refuse('missing_name', { field }, 'detail');
  const colon = /^([^:]+?)\s*:\s*(.+)$/u.exec(text);
  switch (field) {
    case 'email':
      return email(text);
    case 'phone':
      return phone(text);
    case 'birthday':
      return birthday(text);
    case 'address':
      return address(text, colon);
    case 'company':
    case 'role':
      return freeText(field, text, colon);
  }
}

function detail(name: string, field: DetailField, value: string, loose = false): Command | ParseError {
  const clean = cleanName(name);
  if (clean === '') return refuse('missing_name', { field }, 'detail');
  if (value.length > MAX_DETAIL_LENGTH) return refuse('too_long', { length: String(value.length), max: String(MAX_DETAIL_LENGTH) }, 'detail');
  return { intent: 'detail', name: clean, field, value, ...(loose && { loose: true as const }) };
}

function email(text: string): Command | ParseError {
  const m = EMAIL.exec(text);
  const address = m?.[1];
  if (m && address !== undefined) return detail(text.slice(0, m.index).replace(/[:\s]+$/u, ''), 'email', address.toLowerCase());
  const words = text.split(' ');
  const last = words.at(-1) ?? '';
  // "/email Anna keine-adresse": something was meant as the address.
  if (words.length > 1 && /[@.\-_]/u.test(last)) return refuse('bad_email', { got: last, name: cleanName(words.slice(0, -1).join(' ')) }, 'detail');
  return refuse('missing_value', { field: 'email', name: cleanName(text) }, 'detail');
}

function phone(text: string): Command | ParseError {
  const m = PHONE.exec(text);
  const number = m?.[1]?.trim();
  if (m && number !== undefined && (number.match(/\d/gu) ?? []).length >= 5) {
    return detail(text.slice(0, m.index).replace(/[:\s]+$/u, ''), 'phone', number);
  }
  const words = text.split(' ');
  if (words.length > 1) return refuse('bad_phone', { got: words.slice(1).join(' '), name: cleanName(words[0] ?? '') }, 'detail');
  return refuse('missing_value', { field: 'phone', name: cleanName(text) }, 'detail');
}

/** Company or role: after a colon, else after the first word — the conversation may move the split ("anna keller siemens"). */
function freeText(field: 'company' | 'role', text: string, colon: RegExpExecArray | null): Command | ParseError {
  if (colon?.[1] !== undefined && colon[2] !== undefined) return detail(colon[1], field, colon[2].trim());
  const words = text.split(' ');
  if (words.length < 2) return refuse('missing_value', { field, name: cleanName(text) }, 'detail');
  return detail(words[0] ?? '', field, words.slice(1).join(' '), true);
}

function address(text: string, colon: RegExpExecArray | null): Command | ParseError {
  if (colon?.[1] !== undefined && colon[2] !== undefined) {
    return parseAddressText(colon[2]) ? detail(colon[1], 'address', colon[2].trim()) : refuse('bad_address', { got: colon[2], name: cleanName(colon[1]) }, 'detail');
  }
  const words = text.split(' ');
  if (words.length < 2) return refuse('missing_value', { field: 'address', name: cleanName(text) }, 'detail');
  for (let k = 1; k <= Math.min(3, words.length - 1); k++) {
    const value = words.slice(k).join(' ');
    if (parseAddressText(value)) return detail(words.slice(0, k).join(' '), 'address', value, true);
  }
  return refuse('bad_address', { got: words.slice(1).join(' '), name: cleanName(words[0] ?? '') }, 'detail');
}

const MONTHS = table(gather((l) => l.dates.months.flatMap((names, index) => names.map((name) => [name, index + 1] as const))));
const MONTH = `(?<month>${alternation(gather((l) => l.dates.months.flat()))})\\.?`;
const B = '(?<![\\p{L}\\p{N}])';
const BIRTHDAY_FORMS: readonly RegExp[] = [
  /(?<![\d-])(?<year>\d{4})-(?<monthNumber>\d{1,2})-(?<day>\d{1,2})(?!\d)/u,
  /(?<![\d.])(?<day>\d{1,2})\.(?<monthNumber>\d{1,2})\.(?<year>\d{4}|\d{2})?(?![\d])/u,
  new RegExp(`${B}(?<day>\\d{1,2})\\.?\\s*${MONTH}(?:\\s+(?<year>\\d{4}))?(?![\\p{L}\\p{N}])`, 'iu'),
  new RegExp(`${B}${MONTH}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<year>\\d{4}))?(?![\\p{L}\\p{N}])`, 'iu'),
];
// "am"/"on" before the date belongs to it.
const DATE_LEAD = new RegExp(`(?:^|\\s)${alternation(gather((l) => l.dates.qualifiers))}\\s*$`, 'iu');

export interface BirthdayFound {
  /** `MM-DD` or `YYYY-MM-DD`. */
  value?: string;
  /** The date as typed, when it is no day of the calendar. */
  impossible?: string;
  index: number;
  text: string;
}

/** A birthday in a text: "12.3.", "12.3.1980", "12. März", "March 12", "1980-03-12". */
export function findBirthday(text: string): BirthdayFound | undefined {
  for (const form of BIRTHDAY_FORMS) {
    const m = form.exec(text);
    if (!m?.groups) continue;
    const { year: yearText, monthNumber, month: monthName, day } = m.groups;
    const month = monthNumber !== undefined ? Number(monthNumber) : lookupWord(MONTHS, monthName ?? '');
    if (month === undefined) continue;
    const year = yearText === undefined ? null : yearText.length === 2 ? 1900 + Number(yearText) : Number(yearText);
    const birthday = { month, day: Number(day), year };
    if (!isValidBirthday(birthday)) return { impossible: m[0].trim(), index: m.index, text: m[0] };
    return { value: formatBirthday(birthday), index: m.index, text: m[0] };
  }
  return undefined;
}

function birthday(text: string): Command | ParseError {
  const found = findBirthday(text);
  if (!found) {
    const bad = impossibleDate(text);
    if (bad !== undefined) return refuse('impossible_date', { got: bad }, 'detail');
    const words = text.split(' ');
    if (words.length > 1) return refuse('bad_date', { got: words.slice(1).join(' '), name: cleanName(words[0] ?? '') }, 'detail');
    return refuse('missing_value', { field: 'birthday', name: cleanName(text) }, 'detail');
  }
  if (found.impossible !== undefined) return refuse('impossible_date', { got: found.impossible }, 'detail');
  const name = text.slice(0, found.index).replace(DATE_LEAD, '').replace(/[:\s]+$/u, '');
  return detail(name, 'birthday', found.value ?? '');
}

const FIELD_WORDS = gatherRecord((l) => l.details.fields).flatMap(([field, words]) => words.map((w) => [w, field as DetailField] as const));
const FIELD_OF = table(FIELD_WORDS);
const FIELD = `(?<field>${alternation(FIELD_WORDS.map(([w]) => w))})`;
const IS = alternation(gather((l) => l.details.is));
const OF = alternation(gather((l) => l.details.of));
const ARTICLE = alternation(gather((l) => l.names.functionWords));
// "Annas E-Mail ist …", "Anna's email is …".
const POSSESSIVE = new RegExp(`^(?<name>.{1,80}?)\\s+${FIELD}\\s*${IS}\\s*(?<value>.+)$`, 'iu');
// "die E-Mail von Anna ist …", "the email of Anna is …".
const FIELD_OF_NAME = new RegExp(`^(?:${ARTICLE}\\s+)?${FIELD}\\s+${OF}\\s+(?<name>.{1,80}?)\\s+${IS}\\s*(?<value>.+)$`, 'iu');
// "Anna hat am 12. März Geburtstag".
const BIRTHDAY_SAID = new RegExp(`^(?<name>.{1,80}?)\\s+${alternation(gather((l) => l.details.birthdayHas))}\\s+(?<value>.+?)\\s+${phrases(gather((l) => l.details.birthdayAfter))}[.!]*$`, 'iu');
// "Anna arbeitet bei Siemens".
const WORKS_AT = new RegExp(`^(?<name>.{1,80}?)\\s+${phrases(gather((l) => l.details.worksAt))}\\s+(?<value>.+)$`, 'iu');
const GENITIVE = /(?:['’]s|s['’]|['’]|(?<=\p{L}{2})s)$/u;

/** A detail said as a sentence, or undefined when the text is none. */
export function parseDetailSentence(text: string): Command | ParseError | undefined {
  const birthdaySaid = BIRTHDAY_SAID.exec(text);
  if (birthdaySaid?.groups) return birthday(`${birthdaySaid.groups['name'] ?? ''} ${birthdaySaid.groups['value'] ?? ''}`);
  const of = FIELD_OF_NAME.exec(text);
  const possessive = of ? undefined : POSSESSIVE.exec(text);
  const m = of ?? possessive;
  if (m?.groups) {
    const field = lookupWord(FIELD_OF, m.groups['field'] ?? '');
    const rawName = m.groups['name'] ?? '';
    const name = of ? rawName : rawName.replace(GENITIVE, '');
    if (field === undefined || cleanName(name) === '' || name.split(' ').length > 4) return undefined;
    const value = collapse(m.groups['value'] ?? '');
    return field === 'company' || field === 'role' ? detail(name, field, value) : parseDetail(field, `${name} ${field === 'address' ? ': ' : ''}${value}`);
  }
  const works = WORKS_AT.exec(text);
  if (works?.groups && (works.groups['name'] ?? '').split(' ').length <= 4) return detail(works.groups['name'] ?? '', 'company', collapse(works.groups['value'] ?? ''));
  return undefined;
}
