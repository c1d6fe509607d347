/**
 * The words that name an intent, in English and German. A message starts with
 * one of them (`/done`, `done`, `Erledigt!`), or it is a natural phrase handled
 * in natural.ts ("called Bob", "mit Jürgen telefoniert").
 */
import type { Intent } from './command.ts';
import type { SourceIntent } from './parse-sources.ts';
import { collapse, fold } from './normalize.ts';
import { OCCASION_WORDS } from './parse-occasion.ts';

/** An intent word; `later` is snooze until tomorrow, `both` is "done both". */
export type Keyword = Exclude<Intent, SourceIntent> | 'later' | 'both';

// Folded spellings (fold() in text.ts): "überfällig" is stored as "ueberfaellig".
const WORDS: Record<Keyword, readonly string[]> = {
  met: ['met', 'kennengelernt'],
  add: ['add', 'hinzufuegen', 'anlegen'],
  touch: ['touch', 'log', 'kontakt', 'kontaktiert'],
  done: ['done', 'erledigt', 'fertig', 'gemacht'],
  noanswer: ['noanswer', 'unreachable', 'unerreichbar'],
  skip: ['skip', 'ueberspringen', 'uebersprungen', 'auslassen'],
  later: ['later', 'spaeter'],
  snooze: ['snooze', 'verschieben', 'zurueckstellen'],
  note: ['note', 'notiz', 'notieren'],
  tier: ['tier', 'stufe', 'kategorie', 'klasse'],
  cadence: ['every', 'cadence', 'rhythmus', 'kadenz', 'intervall'],
  remind: ['remind', 'reminder', 'erinnere', 'erinnern', 'erinnerung'],
  today: ['today', 'heute', 'now', 'jetzt'],
  overdue: ['overdue', 'ueberfaellig', 'faellig'],
  show: ['show', 'zeige', 'zeig', 'anzeigen', 'info'],
  find: ['find', 'search', 'suche', 'such', 'finde', 'suchen'],
  list: ['list', 'liste', 'contacts', 'kontakte'],
  intro: ['intro', 'introduce', 'vorstellen', 'verbinden', 'vernetzen'],
  review: ['review', 'durchsehen', 'aufraeumen', 'pruefen'],
  archive: ['archive', 'archivieren', 'archiviere'],
  delete: ['delete', 'remove', 'loeschen', 'loesche', 'entfernen', 'entferne'],
  settings: ['settings', 'setting', 'set', 'config', 'einstellungen', 'einstellung'],
  pause: ['pause', 'pausieren', 'pausiere', 'urlaub', 'vacation'],
  resume: ['resume', 'unpause', 'fortsetzen', 'weiter'],
  stats: ['stats', 'statistics', 'statistik', 'statistiken'],
  export: ['export', 'exportieren', 'exportiere'],
  forget: ['forget', 'vergessen', 'vergiss'],
  undo: ['undo', 'rueckgaengig', 'zurueck'],
  help: ['help', 'hilfe', 'commands', 'befehle'],
  start: ['start'],
  confirm: ['yes', 'y', 'yep', 'yeah', 'ok', 'okay', 'sure', 'confirm', 'ja', 'jo', 'jep', 'klar', 'bestaetigen', 'passt'],
  cancel: ['no', 'n', 'nope', 'cancel', 'nein', 'abbrechen', 'abbruch', 'nee'],
  both: ['both', 'beide', 'beiden'],
  ...OCCASION_WORDS,
};

// Several words naming one intent; tried before single words so "no answer"
// is not read as "no".
const PHRASES: readonly (readonly [RegExp, Keyword])[] = [
  [/^(?:no answer|no reply|no response|not reached|(?:could ?n[o']?t|did ?n[o']?t) reach|nicht erreicht|nicht erreichbar|keine antwort|niemanden erreicht|mailbox)(?=$|[^\p{L}\p{N}])/iu, 'noanswer'],
  [/^(?:call (?:me )?later|remind me later|sp(?:ä|ae)ter erinnern)(?=$|[^\p{L}\p{N}])/iu, 'later'],
];

const BY_WORD = new Map<string, Keyword>();
for (const [keyword, words] of Object.entries(WORDS) as [Keyword, readonly string[]][]) {
  for (const word of words) BY_WORD.set(word, keyword);
}

/** The intent a single word names (any case, umlauts or their ae/oe/ue spelling). */
export function keywordOf(word: string): Keyword | undefined {
  return BY_WORD.get(fold(word));
}

export interface LeadingKeyword {
  keyword: Keyword;
  /** What follows the keyword, without the punctuation that separated it. */
  rest: string;
}

/**
 * The intent named at the start of plain text: "done Anna" → done + "Anna",
 * "Erledigt!" → done + "", "no answer Bob" → noanswer + "Bob".
 */
export function leadingKeyword(text: string): LeadingKeyword | undefined {
  for (const [pattern, keyword] of PHRASES) {
    const m = pattern.exec(text);
    if (m) return { keyword, rest: afterKeyword(text.slice(m[0].length)) };
  }
  const word = /^[\p{L}]+/u.exec(text);
  if (!word) return undefined;
  const keyword = keywordOf(word[0]);
  // "Stats?" and "Done!" are the keyword; "Done-Deal" or "Nord-Ost" is not.
  const next = text.charAt(word[0].length);
  if (!keyword || /[\p{L}\p{N}'’\-_]/u.test(next)) return undefined;
  return { keyword, rest: afterKeyword(text.slice(word[0].length)) };
}

function afterKeyword(rest: string): string {
  return collapse(rest.replace(/^[\s,:;.!?]+/u, ''));
}

/** The canonical intent for a help topic: "/help erledigt" → "done". */
export function topicOf(word: string): string {
  const keyword = keywordOf(word.replace(/^\//, ''));
  if (keyword === 'later') return 'snooze';
  if (keyword === 'both') return 'done';
  return keyword ?? fold(word.replace(/^\//, ''));
}
