/**
 * Plain-text messages that do not start with an intent word: the name comes
 * first in German ("Bob nicht erreicht", "Anna mit Bob bekannt machen",
 * "Anna auf der Messe kennengelernt"), a verb first in English ("called Bob",
 * "call 3 people now").
 */
import type { Command, ParseContext, ParseError } from './command.ts';
import { parseIntro } from './parse-contact.ts';
import { parseMet } from './parse-met.ts';
import { parseDone, parseNoAnswer } from './parse-nudge.ts';
import { parseTouchPhrase } from './parse-touch.ts';
import { readCount } from './setting-values.ts';
import { collapse } from './normalize.ts';

const CALL_N = /^(?:(?:please\s+)?(?:call|ring|phone|contact|who\s+(?:to|should\s+i)\s+call)\s+(?<en>\S+)\s+(?:people|persons|contacts|folks)(?:\s+(?:now|today))?|(?:ruf(?:e)?\s+)?(?:jetzt\s+)?(?<de>\S+)\s+(?:leute|personen|kontakte|menschen)\s+(?:jetzt\s+)?(?:anrufen|an))[\s.!?]*$/iu;
const MAX_NAME_WORDS = 5;
const DONE_AFTER_NAME = /^(?<name>(?:\S+\s+){0,4}\S+?)\s+(?:erledigt|done|geschafft)[\s.!✅👍]*$/iu;
const NO_ANSWER_AFTER_NAME = /^(?<head>.+?)\s+(?:nicht\s+erreicht|nicht\s+erreichbar|keine\s+antwort|no\s+answer|not\s+reached|(?:hat\s+)?nicht\s+abgenommen|ging\s+nicht\s+ran|geht\s+nicht\s+ran|didn'?t\s+(?:answer|pick\s+up))(?<tail>[\s,.:;!?-].*)?$/iu;
const INTRO_VERB = /\s(?:(?:miteinander|einander)\s+)?(?:bekannt\s+machen|vorstellen|verbinden|vernetzen)(?=$|[\s,.:;!?])/iu;
const MET_VERB = /\s(?:kennengelernt|kennen\s+gelernt)(?=$|[\s,.:;!?])/iu;

/** A natural-language command, or undefined when the text is none of them. */
export function parseNatural(text: string, ctx: ParseContext): Command | ParseError | undefined {
  const callN = CALL_N.exec(text);
  if (callN?.groups) {
    const got = callN.groups['en'] ?? callN.groups['de'] ?? '';
    const count = readCount(got);
    if (count !== undefined) return { intent: 'today', count };
  }
  const done = DONE_AFTER_NAME.exec(text);
  if (done?.groups?.['name'] !== undefined) return parseDone(done.groups['name']);
  const noAnswer = NO_ANSWER_AFTER_NAME.exec(text);
  if (noAnswer?.groups?.['head'] !== undefined && noAnswer.groups['head'].split(' ').length <= MAX_NAME_WORDS) {
    const tail = collapse((noAnswer.groups['tail'] ?? '').replace(/^[\s,.:;!?-]+/u, ''));
    return parseNoAnswer(tail === '' ? noAnswer.groups['head'] : `${noAnswer.groups['head']}, ${tail}`);
  }
  const intro = INTRO_VERB.exec(text);
  if (intro) return parseIntro(text);
  const met = MET_VERB.exec(text);
  if (met) {
    const tail = collapse(text.slice(met.index + met[0].length).replace(/^[\s,.:;!?-]+/u, ''));
    return parseMet('met', tail === '' ? text.slice(0, met.index) : `${text.slice(0, met.index)}, ${tail}`, ctx);
  }
  return parseTouchPhrase(text, ctx);
}
