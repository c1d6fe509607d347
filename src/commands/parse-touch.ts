/**
 * Logging an interaction that happened, as people say it: "called Bob last
 * Friday about the offer", "had lunch with Anna yesterday", "emailed Carla",
 * "mit Jürgen telefoniert", "Jürgen gestern angerufen", "Anna eine Mail
 * geschickt", or explicitly "/touch Tom 3 months ago".
 */
import type { TouchKind } from '../core/types.ts';
import type { Command, ParseContext, ParseError } from './command.ts';
import { cutDate, findDates, todayOf } from './parse-date.ts';
import type { DateFound } from './parse-date.ts';
import { collapse } from './normalize.ts';
import { refuse } from './command.ts';
import { splitNameNote } from './name-note.ts';

type Kind = Exclude<TouchKind, 'met' | 'attempt'>;

// English puts the verb first: the name follows the phrase.
const EN_PREFIXES: readonly (readonly [RegExp, Kind])[] = [
  [/^(?:had\s+)?(?:an?\s+)?(?:(?:phone|video|zoom|teams|quick)\s+)?call\s+with\s+/iu, 'call'],
  [/^(?:called|phoned|rang|rung|video-?called|skyped(?:\s+with)?|zoomed\s+with)\s+/iu, 'call'],
  [/^(?:spoke|spoken|talked)\s+(?:to|with)\s+/iu, 'call'],
  [/^(?:had\s+)?(?:an?\s+)?(?:lunch|coffee|dinner|breakfast|drinks?|beers?|beer|meeting|meetup|walk)\s+with\s+/iu, 'meeting'],
  [/^(?:met|meeting|met\s+up|caught\s+up|catch-?up|catching\s+up)\s+with\s+/iu, 'meeting'],
  [/^(?:saw|visited|lunched\s+with|dined\s+with)\s+/iu, 'meeting'],
  [/^(?:sent|wrote)\s+(?:an?\s+)?e-?mail\s+to\s+/iu, 'email'],
  [/^(?:e-?mailed|mailed)\s+/iu, 'email'],
  [/^(?:sent|wrote)\s+(?:an?\s+)?(?:message|text|note|dm|sms|whatsapp)\s+to\s+/iu, 'message'],
  [/^(?:texted|messaged|pinged|dm'?e?d|whatsapped|chatted\s+with|wrote\s+to|wrote|replied\s+to|answered)\s+/iu, 'message'],
  // German nouns also put the name after: "Telefonat mit Jürgen", "Mail an Anna".
  [/^(?:telefonat|anruf|gespr(?:ä|ae)ch|videocall)\s+(?:mit|bei)\s+/iu, 'call'],
  [/^(?:telefoniert|gesprochen)\s+mit\s+/iu, 'call'],
  [/^(?:treffen|mittagessen|abendessen|essen|kaffee|fr(?:ü|ue)hst(?:ü|ue)ck|termin)\s+mit\s+/iu, 'meeting'],
  [/^(?:e-?mail|mail)\s+an\s+/iu, 'email'],
  [/^(?:nachricht|sms|whatsapp)\s+an\s+/iu, 'message'],
];

// "sent Carla an email": the name sits between the verb and the thing sent.
const SENT = /^sent\s+(?<name>.+?)\s+(?:an?\s+)?(?<what>e-?mail|mail|message|text|note|dm|sms|whatsapp)(?=$|[\s,.:;!?])/iu;

// German puts the participle last: the name comes before it.
const DE_SUFFIX = new RegExp(
  '(?<=\\s)(?:' +
    '(?<email>(?:eine?\\s+)?(?:e-?)?mail\\s+(?:geschickt|geschrieben|gesendet)|gemailt)' +
    '|(?<message>(?:eine?\\s+)?(?:nachricht|sms|whatsapp)\\s+(?:geschickt|geschrieben|gesendet)|angeschrieben|geschrieben|gechattet|getextet)' +
    '|(?<meeting>(?:zu\\s+)?(?:mittag|abend)\\s+gegessen|(?:einen\\s+)?kaffee\\s+getrunken|(?:ein\\s+)?bier\\s+getrunken|(?:kaffee\\s+trinken|essen|mittagessen|was\\s+trinken)\\s+gewesen|gefr(?:ü|ue)hst(?:ü|ue)ckt|getroffen|besucht|gegessen)' +
    '|(?<call>(?:ein\\s+)?telefonat\\s+gehabt|(?:zur(?:ü|ue)ck)?telefoniert|(?:zur(?:ü|ue)ck)?angerufen|zur(?:ü|ue)ckgerufen|gesprochen|geskypt|gezoomt)' +
    ')(?=$|[\\s,.:;!?])',
  'iu',
);

// Words in "/touch Tom call yesterday" that name the kind.
const KIND_WORDS: readonly (readonly [RegExp, Kind])[] = [
  [/^(?:call|called|phone|phoned|anruf|angerufen|telefonat|telefoniert)$/iu, 'call'],
  [/^(?:meeting|meet|met|lunch|coffee|dinner|breakfast|treffen|getroffen|essen|kaffee|mittagessen)$/iu, 'meeting'],
  [/^(?:email|e-mail|mail|emailed|gemailt)$/iu, 'email'],
  [/^(?:message|messaged|text|texted|sms|whatsapp|chat|dm|nachricht|geschrieben)$/iu, 'message'],
];

const FILLER = /^(?:(?:i|ich|we|wir|have|habe|hab|haben|just|gerade|eben|also|auch|finally|endlich)\s+)+/iu;
// After "gestern" is cut from "gestern mit Anna telefoniert", "mit" leads.
const DE_LEAD = /^(?:mit|bei|an)\s+/iu;

/**
 * A natural touch phrase, or undefined when the text is not one. The name is
 * what follows an English verb phrase or precedes a German participle.
 */
export function parseTouchPhrase(text: string, ctx: ParseContext): Command | ParseError | undefined {
  let body = text.replace(FILLER, '');
  const lead = findDates(body, ctx, 'past')[0];
  const leadDate = lead?.index === 0 ? lead : undefined;
  if (leadDate) body = cutDate(body, leadDate).replace(FILLER, '');

  const sent = SENT.exec(body);
  if (sent?.groups) {
    const kind: Kind = /mail/iu.test(sent.groups['what'] ?? '') ? 'email' : 'message';
    return finishTouch(kind, `${sent.groups['name'] ?? ''} ${body.slice(sent[0].length)}`, ctx, leadDate);
  }
  for (const [prefix, kind] of EN_PREFIXES) {
    const m = prefix.exec(body);
    if (m) return finishTouch(kind, body.slice(m[0].length), ctx, leadDate);
  }
  const suffix = DE_SUFFIX.exec(body);
  if (suffix?.groups) {
    const kind = (['email', 'message', 'meeting', 'call'] as const).find((k) => suffix.groups?.[k] !== undefined) ?? 'call';
    const head = body.slice(0, suffix.index);
    const tail = body.slice(suffix.index + suffix[0].length);
    return finishTouch(kind, head, ctx, leadDate, tail);
  }
  return undefined;
}

/** "/touch Tom 3 months ago", "/touch Bob call yesterday": the kind is `other` unless a kind word is given. */
export function parseTouchCommand(arg: string, ctx: ParseContext): Command | ParseError {
  if (arg === '') return refuse('missing_name', {}, 'touch');
  return parseTouchPhrase(arg, ctx) ?? finishTouch(undefined, arg, ctx, undefined);
}

function finishTouch(kind: Kind | undefined, rest: string, ctx: ParseContext, lead: DateFound | undefined, tail = ''): Command | ParseError {
  const today = todayOf(ctx);
  let text = collapse(rest);
  let found = lead;
  if (!found) {
    const first = findDates(text, ctx, 'past')[0];
    if (first) {
      const inNote = first.index > 0 && splitNameNote(text.slice(0, first.index)).note !== undefined;
      // A future date inside the note ("about the meeting next Friday") is part of the note.
      if (!(inNote && first.date > today)) {
        found = first;
        text = cutDate(text, first);
      }
    }
  }
  text = text.replace(DE_LEAD, '');
  const kindWord = kind === undefined ? findKindWord(text) : undefined;
  if (kindWord) text = kindWord.rest;
  const { name, note } = splitNameNote(text);
  const date = found?.date ?? today;
  if (name === '') return refuse('missing_name', { kind: kind ?? kindWord?.kind }, 'touch');
  if (date > today) return refuse('date_in_future', { got: found?.text, date, name }, 'touch');
  const fullNote = [note, collapse(tail.replace(/^[\s,.:;!?-]+/u, ''))].filter((n) => n !== undefined && n !== '').join(', ');
  return {
    intent: 'touch',
    name,
    kind: kind ?? kindWord?.kind ?? 'other',
    date,
    ...(fullNote !== '' && { note: fullNote }),
  };
}

/** The first kind word after the name; the words before it are the name, those after it the note. */
function findKindWord(text: string): { kind: Kind; rest: string } | undefined {
  const words = text.split(' ');
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] ?? '').replace(/[,.:;!?]+$/u, '');
    const kind = KIND_WORDS.find(([re]) => re.test(word))?.[1];
    if (kind === undefined) continue;
    const before = words.slice(0, i).join(' ');
    const after = words.slice(i + 1).join(' ');
    // "call Tom" names the kind first; "Tom call" after the name.
    return { kind, rest: i === 0 ? after : after === '' ? before : `${before}, ${after}` };
  }
  return undefined;
}
