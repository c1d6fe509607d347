/**
 * Plain-text messages that do not start with an intent word: the name comes
 * first in German ("Bob nicht erreicht", "Ole auf morgen verschieben", "Anna
 * auf der Messe kennengelernt", "Anna hat am 12. März Geburtstag"), a verb
 * first in English ("called Bob", "call 3 people now"), or an answer is just
 * a day ("morgen", "next week", "ole später").
 */
import type { Command, ParseContext, ParseError } from './command.ts';
import { parseIntro, parseNameOnly, parseRename } from './parse-contact.ts';
import { parseDetailSentence } from './parse-detail.ts';
import { parseMet } from './parse-met.ts';
import { parseDone, parseNoAnswer, parseSnooze, readUntil } from './parse-nudge.ts';
import { parseTouchPhrase } from './parse-touch.ts';
import { readCount } from './setting-values.ts';
import { collapse } from './normalize.ts';
import { readPeople } from './name-note.ts';
import { gather } from './lexicon/index.ts';
import { alternation, phrases } from './lexicon/compile.ts';

const PEOPLE = alternation(gather((l) => l.callCount.people));
const CALL_N = new RegExp(
  `^(?:${phrases(gather((l) => l.callCount.before))}\\s+)?(?<count>\\S+)\\s+${PEOPLE}(?:\\s+${phrases(gather((l) => l.callCount.after))})?[\\s.!?]*$`,
  'iu',
);
const MAX_NAME_WORDS = 12;
const trailing = (list: readonly string[]) => phrases(list);
const DONE_AFTER = new RegExp(`^(?<head>.+?)\\s+${trailing(gather((l) => l.trailingIntents.done))}[\\s.!✅👍]*$`, 'iu');
const NO_ANSWER_AFTER = new RegExp(`^(?<head>.+?)\\s+${trailing(gather((l) => l.trailingIntents.noanswer))}(?<tail>[\\s,.:;!?-].*)?$`, 'iu');
const SNOOZE_AFTER = new RegExp(`^(?<head>.+?)\\s+${trailing(gather((l) => l.trailingIntents.snooze))}[\\s.!]*$`, 'iu');
const LATER_AFTER = new RegExp(`^(?<head>.+?)\\s+${alternation(gather((l) => l.intents.later))}[\\s.!]*$`, 'iu');
const ARCHIVE_AFTER = new RegExp(`^(?<head>.+?)\\s+${trailing(gather((l) => l.trailingIntents.archive))}[\\s.!]*$`, 'iu');
const RENAME_AFTER = new RegExp(`^(?<head>.+?)\\s+${trailing(gather((l) => l.trailingIntents.rename))}\\s+(?<rest>.+)$`, 'iu');
const INTRO_VERB = new RegExp(`\\s${phrases(gather((l) => l.intro.verbs))}(?=$|[\\s,.:;!?])`, 'iu');
const MET_VERB = new RegExp(`\\s${phrases(gather((l) => l.met.after))}(?=$|[\\s,.:;!?])`, 'iu');

// A greeting or filler before an answer ("moin, morgen bitte") is no part of it.
const LEADING_FILLER = new RegExp(`^(?:${alternation(gather((l) => l.names.filler))}[,!]?\\s+)+`, 'iu');

function fewWords(text: string | undefined): text is string {
  return text !== undefined && text.split(' ').length <= MAX_NAME_WORDS;
}

/** A natural-language command, or undefined when the text is none of them. */
export function parseNatural(text: string, ctx: ParseContext): Command | ParseError | undefined {
  const callN = CALL_N.exec(text);
  if (callN?.groups) {
    const count = readCount(callN.groups['count'] ?? '');
    if (count !== undefined) return { intent: 'today', count };
  }
  const detail = parseDetailSentence(text);
  if (detail) return detail;
  const done = DONE_AFTER.exec(text)?.groups?.['head'];
  if (fewWords(done)) return parseDone(done);
  const noAnswer = NO_ANSWER_AFTER.exec(text);
  const head = noAnswer?.groups?.['head'];
  if (fewWords(head)) {
    const tail = collapse((noAnswer?.groups?.['tail'] ?? '').replace(/^[\s,.:;!?-]+/u, ''));
    return parseNoAnswer(tail === '' ? head : `${head}, ${tail}`);
  }
  const snooze = SNOOZE_AFTER.exec(text)?.groups?.['head'];
  if (fewWords(snooze)) return parseSnooze(snooze, ctx, false);
  const later = LATER_AFTER.exec(text)?.groups?.['head'];
  if (fewWords(later) && readPeople(later).note === undefined) return parseSnooze(later, ctx, true);
  const archive = ARCHIVE_AFTER.exec(text)?.groups?.['head'];
  if (fewWords(archive)) return parseNameOnly('archive', archive);
  const rename = RENAME_AFTER.exec(text);
  if (rename?.groups && fewWords(rename.groups['head'])) return parseRename(`${rename.groups['head']} ${rename.groups['rest'] ?? ''}`);
  if (INTRO_VERB.test(text)) return parseIntro(text);
  const met = MET_VERB.exec(text);
  if (met) {
    const tail = collapse(text.slice(met.index + met[0].length).replace(/^[\s,.:;!?-]+/u, ''));
    return parseMet('met', tail === '' ? text.slice(0, met.index) : `${text.slice(0, met.index)}, ${tail}`, ctx);
  }
  return parseTouchPhrase(text, ctx) ?? postponed(text, ctx);
}

/** "morgen", "next week", "ole tomorrow", "in 3 Tagen": an answer that is only a day ahead (and whom). */
function postponed(typed: string, ctx: ParseContext): Command | ParseError | undefined {
  const text = typed.replace(LEADING_FILLER, '');
  const until = readUntil(text, ctx, 'snooze');
  if (until === undefined || 'error' in until) return undefined;
  const people = readPeople(until.rest);
  if (people.note !== undefined) return undefined;
  const [name] = people.names;
  if (name === undefined) return { intent: 'snooze', until: until.until };
  return people.names.length > 1 ? { intent: 'snooze', name, names: people.names, until: until.until } : { intent: 'snooze', name, until: until.until };
}
