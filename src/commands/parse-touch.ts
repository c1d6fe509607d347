/**
 * Logging an interaction, as people say it: "called Bob last Friday about the
 * offer", "had lunch with Anna yesterday", "called Tom, Lisa and Omar",
 * "hab mit petra und monika gesprochen", "Jürgen gestern angerufen", or
 * explicitly "/touch Tom 3 months ago". The verbs come from the lexicons:
 * before the names ("called", "Mittagessen mit") or after them
 * ("angerufen"). A meeting named as a noun with a day ahead ("lunch with Anna
 * on Thursday", "Treffen mit Jürgen am Freitag") is a plan: it becomes a
 * reminder on that day, not a touch.
 */
import type { Command, ParseContext, ParseError } from './command.ts';
import { cutDate, findDates, todayOf } from './parse-date.ts';
import type { DateDirection, DateFound } from './parse-date.ts';
import { collapse } from './normalize.ts';
import { refuse } from './command.ts';
import { cleanTopic, splitNameNote } from './name-note.ts';
import { gather, type LoggedKind, type TouchPhrase } from './lexicon/index.ts';
import { alternation, phraseSource, table, lookupWord } from './lexicon/compile.ts';

type Tense = TouchPhrase['tense'];

interface CompiledPhrase {
  pattern: RegExp;
  kind: LoggedKind;
  tense: Tense;
}

const byLength = (a: TouchPhrase, b: TouchPhrase) => b.phrase.length - a.phrase.length;

// The verb first: the names follow the phrase.
const BEFORE: readonly CompiledPhrase[] = gather((l) => l.touch.before)
  .sort(byLength)
  .map((p) => ({ pattern: new RegExp(`^${phraseSource(p.phrase)}\\s+`, 'iu'), kind: p.kind, tense: p.tense }));

// The participle last: the names come before it ("Jürgen gestern angerufen").
const AFTER_PHRASES = gather((l) => l.touch.after).sort(byLength);
const AFTER = new RegExp(`(?<=\\s)(?:${AFTER_PHRASES.map((p, i) => `(?<p${i}>${phraseSource(p.phrase)})`).join('|')})(?=$|[\\s,.:;!?])`, 'iu');

// "sent Carla an email": the name sits between the verb and the thing sent.
const SENT_THINGS = gather((l) => Object.entries(l.touch.sentThings).flatMap(([kind, words]) => (words ?? []).map((w) => [w, kind as LoggedKind] as const)));
const SENT = new RegExp(
  `^${alternation(gather((l) => l.touch.sentVerbs))}\\s+(?<name>.+?)\\s+(?:an?\\s+)?(?<what>${alternation(SENT_THINGS.map(([w]) => w))})(?=$|[\\s,.:;!?])`,
  'iu',
);
const SENT_KIND = table(SENT_THINGS);

// Words in "/touch Tom call yesterday" that name the kind.
const KIND_WORDS = table(gather((l) => Object.entries(l.touch.kindWords).flatMap(([kind, words]) => words.map((w) => [w, kind as LoggedKind] as const))));

const FILLER = new RegExp(`^(?:${alternation(gather((l) => l.names.filler))}[,!]?\\s+)+`, 'iu');
// A verb alone ("just called", "hab noch telefoniert", "heute angerufen"): a touch without a name.
const VERB_ONLY = new RegExp(
  `^(?:${[...gather((l) => l.touch.before), ...AFTER_PHRASES].map((p) => phraseSource(p.phrase)).join('|')})[\\s.!]*$`,
  'iu',
);
const TRAILING_QUALIFIERS = new RegExp(`(?:\\s+${alternation(gather((l) => l.dates.qualifiers))})+\\s*$`, 'iu');
// After "gestern" is cut from "gestern mit Anna telefoniert", "mit" leads.
const LEAD = new RegExp(`^${alternation(gather((l) => l.touch.lead))}\\s+`, 'iu');

/**
 * A natural touch phrase, or undefined when the text is not one. The names
 * are what follows a verb phrase or precedes a participle.
 */
export function parseTouchPhrase(text: string, ctx: ParseContext): Command | ParseError | undefined {
  let body = text.replace(FILLER, '');
  const lead = findDates(body, ctx, 'past')[0];
  const leadText = lead?.index === 0 ? lead.text : undefined;
  if (lead && leadText !== undefined) body = cutDate(body, lead).replace(FILLER, '');
  if (VERB_ONLY.test(body)) return refuse('missing_name', {}, 'touch');

  const sent = SENT.exec(body);
  if (sent?.groups) {
    const kind = lookupWord(SENT_KIND, sent.groups['what'] ?? '') ?? 'message';
    return finishTouch({ kind, tense: 'past', verb: sent[0] }, `${sent.groups['name'] ?? ''} ${body.slice(sent[0].length)}`, ctx, leadText);
  }
  for (const phrase of BEFORE) {
    const m = phrase.pattern.exec(body);
    if (m) return finishTouch({ kind: phrase.kind, tense: phrase.tense, verb: m[0] }, body.slice(m[0].length), ctx, leadText);
  }
  const after = AFTER.exec(body);
  if (after?.groups) {
    const index = AFTER_PHRASES.findIndex((_, i) => after.groups?.[`p${i}`] !== undefined);
    const phrase = AFTER_PHRASES[index];
    if (!phrase) return undefined;
    const head = body.slice(0, after.index);
    const tail = body.slice(after.index + after[0].length);
    return finishTouch({ kind: phrase.kind, tense: phrase.tense, verb: after[0] }, head, ctx, leadText, tail);
  }
  return undefined;
}

/** "/touch Tom 3 months ago", "/touch Bob call yesterday": the kind is `other` unless a kind word is given. */
export function parseTouchCommand(arg: string, ctx: ParseContext): Command | ParseError {
  if (arg === '') return refuse('missing_name', {}, 'touch');
  return parseTouchPhrase(arg, ctx) ?? finishTouch(undefined, arg, ctx, undefined);
}

interface Verb {
  kind: LoggedKind;
  tense: Tense;
  /** The verb phrase as typed: the reminder's text when a meeting lies ahead. */
  verb: string;
}

function direction(verb: Verb | undefined): DateDirection {
  return verb?.tense === 'open' ? 'nearest' : 'past';
}

function finishTouch(verb: Verb | undefined, rest: string, ctx: ParseContext, leadText: string | undefined, tail = ''): Command | ParseError {
  const today = todayOf(ctx);
  let text = collapse(rest);
  let found: DateFound | undefined = leadText === undefined ? undefined : findDates(leadText, ctx, direction(verb))[0];
  if (!found) {
    const first = findDates(text, ctx, direction(verb))[0];
    if (first) {
      // "am kommenden" before "freitag" belongs to the date, not to a note.
      const head = text.slice(0, first.index).replace(TRAILING_QUALIFIERS, '');
      const inNote = first.index > 0 && splitNameNote(head).note !== undefined;
      // A future date inside the note ("about the meeting next Friday") is part of the note.
      if (!(inNote && first.date > today)) {
        found = first;
        text = cutDate(text, first);
      }
    }
  }
  text = text.replace(LEAD, '');
  const kindWord = verb === undefined ? findKindWord(text) : undefined;
  if (kindWord) text = kindWord.rest;
  const { name, names, note, loose } = splitNameNote(text);
  const date = found?.date ?? today;
  const kind = verb?.kind ?? kindWord?.kind;
  if (name === '') return refuse('missing_name', { kind }, 'touch');
  const topic = cleanTopic([note, collapse(tail.replace(/^[\s,.:;!?-]+/u, ''))].filter((n) => n !== undefined && n !== '').join(', ') || undefined);
  const people = names ? { name, names } : { name };
  if (date > today) {
    if (verb?.tense !== 'open') return refuse('date_in_future', { got: found?.text, date, name }, 'touch');
    // A meeting ahead is a plan: remind on that day.
    const plan = collapse(verb.verb.replace(/\s+\S+\s*$/u, '')) || collapse(verb.verb);
    return { intent: 'remind', ...people, date, note: topic === undefined ? plan : `${plan}: ${topic}` };
  }
  return {
    intent: 'touch',
    ...people,
    kind: kind ?? 'other',
    date,
    ...(topic !== undefined && { note: topic }),
    ...(loose && topic !== undefined && { loose }),
  };
}

/** The first kind word after the name; the words before it are the name, those after it the note. */
function findKindWord(text: string): { kind: LoggedKind; rest: string } | undefined {
  const words = text.split(' ');
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] ?? '').replace(/[,.:;!?]+$/u, '');
    const kind = lookupWord(KIND_WORDS, word);
    if (kind === undefined) continue;
    const before = words.slice(0, i).join(' ');
    const after = words.slice(i + 1).join(' ');
    // "call Tom" names the kind first; "Tom call" after the name.
    return { kind, rest: i === 0 ? after : after === '' ? before : `${before}, ${after}` };
  }
  return undefined;
}
