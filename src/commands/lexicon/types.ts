/**
 * The shape of a lexicon: every word of one input language that the command
 * language reads — intents, filler, salutations, dates, answers, touch verbs.
 * The parsers hold no words of their own; they compile these (compile.ts).
 * A third language is one more lexicon (and a catalog for the replies).
 *
 * Words are written in their ordinary spelling ("später", "e-mail"): the
 * compiler also accepts them with umlauts spelt out or dropped ("spaeter",
 * "spater"), ß as ss, and a hyphen left out. A *phrase* is words separated by
 * spaces, where a slot may offer alternatives ("lunch|coffee") and a slot
 * ending in "?" may be left out: "had? a|an? lunch|coffee with".
 */
import type { Chrono } from 'chrono-node';
import type { Salutation } from '../../core/honorifics.ts';
import type { Language, TouchKind } from '../../core/types.ts';
import type { ExportFormat, Intent, SettingKey } from '../command.ts';
import type { SourceIntent } from '../parse-sources.ts';

/**
 * An intent word; `later` is snooze until tomorrow, `both` is "done both".
 * The sources commands (/calendar, /mail) are read by parse-sources.ts.
 */
export type Keyword = Exclude<Intent, SourceIntent> | 'later' | 'both';

/** Words in the phrase notation above. */
export type Phrase = string;

/** How a touch can be said in words: a first meeting, an attempt and a card (/cards sent) have commands of their own. */
export type LoggedKind = Exclude<TouchKind, 'met' | 'attempt' | 'card'>;

export interface TouchPhrase {
  phrase: Phrase;
  kind: LoggedKind;
  /**
   * `past`: it happened ("called", "had lunch with", "angerufen"). `open`: a
   * noun that may be planned ("lunch with", "Treffen mit") — with a date
   * ahead it becomes a reminder on that day, not a touch.
   */
  tense: 'past' | 'open';
}

export type DetailField = 'email' | 'phone' | 'company' | 'role' | 'address' | 'birthday';

export type DurationUnitWord = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface Lexicon {
  language: Language;
  /** chrono-node's casual parser for the language's dates. */
  chrono: Chrono;

  /** Single words naming an intent: `/done`, `Erledigt!`. */
  intents: Readonly<Partial<Record<Keyword, readonly string[]>>>;
  /** Several words naming an intent at the start: "no answer", "nicht erreicht". Tried before single words. */
  intentPhrases: Readonly<Partial<Record<Keyword, readonly Phrase[]>>>;
  /** An answer said after the name(s): "Bob erledigt", "Ole nicht erreicht", "Ole auf morgen verschieben". */
  trailingIntents: Readonly<Partial<Record<'done' | 'noanswer' | 'snooze' | 'archive' | 'rename', readonly Phrase[]>>>;
  /** "call 3 people now", "3 Leute anrufen": who to contact now. */
  callCount: { before: readonly Phrase[]; people: readonly string[]; after: readonly Phrase[] };

  names: {
    /** Words that join several names: "and", "&". */
    and: readonly string[];
    /** Words around a name that are never one: "I", "just", "habe", "noch". */
    filler: readonly string[];
    /** Articles, pronouns, prepositions, auxiliaries: never a name. */
    functionWords: readonly string[];
    /**
     * Words for a person ("person", "Kollege"): a name of nothing else is no
     * name ("/met person"), but one may start a name ("Person 150").
     */
    nouns: readonly string[];
    /** Words that open the topic after a name: "about", "wegen". */
    noteWords: readonly Phrase[];
    /** Lower-case words inside a name: "van", "von", "de". */
    particles: readonly string[];
    /** Salutations as typed (src/core/honorifics.ts holds them, per language). */
    salutations: Readonly<Record<string, Salutation>>;
    /** Academic titles as typed: "dr", "prof". */
    titles: readonly string[];
  };

  touch: {
    /** Verb phrases before the names: "called", "had lunch with". */
    before: readonly TouchPhrase[];
    /** Participles after the names: "angerufen", "zu Mittag gegessen". */
    after: readonly TouchPhrase[];
    /** "sent Carla an email": the verb, then the name, then what was sent. */
    sentVerbs: readonly string[];
    sentThings: Readonly<Partial<Record<LoggedKind, readonly string[]>>>;
    /** Words naming the kind in "/touch Tom call yesterday". */
    kindWords: Readonly<Record<LoggedKind, readonly string[]>>;
    /** The word before the names once a leading date is cut: "mit", "with". */
    lead: readonly string[];
    /** Words before a channel ("auf LinkedIn", "per Zoom", "on LinkedIn"). */
    channelLead: readonly string[];
  };

  met: {
    /** "kennengelernt": the acquaintance is named before it. */
    after: readonly Phrase[];
    /** "met with Anna" is a meeting with someone known, not a new acquaintance. */
    withKnown: readonly Phrase[];
    /** "last talked", "zuletzt gesprochen". */
    lastTalked: readonly Phrase[];
    /** Words that start the place, longest first not required: "at the", "auf der". */
    places: readonly Phrase[];
  };

  tiers: {
    /** "tier", "Stufe". */
    words: readonly string[];
    /** "A-Kontakt", "B contact". */
    contactSuffix: readonly string[];
    /** Words between a name and its new tier: "to", "auf". */
    joiners: readonly string[];
    /** "all" in "/list all". */
    all: readonly string[];
  };

  dates: {
    /** A bare month or weekday is a date only after one of these: "on Friday", "letzten Freitag". */
    qualifiers: readonly string[];
    /** Words with which the user chose the week: "last", "next", "kommenden". */
    explicitWeek: readonly string[];
    /** Words chrono reads as a day that carry none: "now", "jetzt". */
    notADay: readonly Phrase[];
    /** Day words that are never a name: "today", "heute", "tomorrow". */
    dayWords: readonly string[];
    /** Month names, January first, each with its short forms. */
    months: readonly (readonly string[])[];
    /** Weekday names, Monday first, each with its short forms. */
    weekdays: readonly (readonly string[])[];
    /** "im Juni": a month after this word is a date. */
    inMonth: readonly string[];
    /** "KW 3", "week 3", "Kalenderwoche 3". */
    calendarWeek: readonly string[];
    /** "Anfang März", "early March", "end of January". */
    monthParts: { early: readonly Phrase[]; mid: readonly Phrase[]; late: readonly Phrase[] };
    /** "next week" as a day to postpone to: Monday of next week. */
    nextWeek: readonly Phrase[];
    /** A range: "vom 23.12. bis 6.1.", "from Dec 23 to Jan 6". */
    rangeFrom: readonly string[];
    rangeTo: readonly string[];
    /** Words that tie a name to its date: "until", "bis zum", "auf". */
    untilJoiners: readonly string[];
  };

  durations: {
    numbers: Readonly<Record<string, number>>;
    units: Readonly<Record<DurationUnitWord, readonly string[]>>;
    /** "monthly", "vierteljährlich": a unit and how many. */
    adverbs: readonly (readonly [string, number, DurationUnitWord])[];
    /** "every", "alle". */
    every: readonly string[];
    /** Words before a span: "for", "in", "um". */
    lead: readonly string[];
    /** "3 months ago": a date, not a span. */
    agoAfter: readonly string[];
    agoBefore: readonly string[];
    /** "half a year", "ein halbes Jahr". */
    half: readonly Phrase[];
    /** "of" in "a couple of weeks". */
    of: readonly string[];
  };

  answers: {
    /** "done both", "alle beide". */
    both: readonly Phrase[];
    /** The words before the name in "done with Bob", "keine Antwort von Anna". */
    toName: readonly string[];
    /** Extra words after a bare command that change nothing: "please", "danke". */
    polite: readonly string[];
  };

  remind: {
    /** "remind me to call Bob …": everything before the name. */
    lead: readonly Phrase[];
    /** Words between the date and the note: "to", "that". */
    noteLead: readonly string[];
  };

  intro: { join: readonly Phrase[]; verbs: readonly Phrase[] };
  rename: { join: readonly string[] };
  cadence: { joiners: readonly string[] };
  today: { people: readonly string[] };
  find: { tagWords: readonly string[] };

  /** The setting keys and their values. */
  settings: {
    keys: Readonly<Record<string, SettingKey>>;
    valueLead: readonly string[];
    tierLead: readonly string[];
    timeLead: readonly string[];
    timeSuffix: readonly string[];
    everyDay: readonly Phrase[];
    dayGroups: Readonly<Record<string, readonly number[]>>;
    rangeTo: readonly string[];
    listAnd: readonly string[];
    counts: Readonly<Record<string, number>>;
    languages: Readonly<Record<string, Language>>;
    /** The words for "no public holidays" (`/settings holidays none`). */
    noHolidays: readonly string[];
  };

  exports: { formats: Readonly<Record<string, ExportFormat>>; filler: readonly string[] };

  details: {
    /** The command words of each field: "/email", "/telefon", "/adresse". */
    commands: Readonly<Record<DetailField, readonly string[]>>;
    /** The field as named in a sentence: "Annas Handynummer ist …". */
    fields: Readonly<Record<DetailField, readonly string[]>>;
    /** "Annas E-Mail ist …", "Anna's email is …": the word before the value. */
    is: readonly string[];
    /** "die E-Mail von Anna": the word between the field and the name. */
    of: readonly string[];
    /** "Anna hat am 12. März Geburtstag": the verb after the name, and the birthday after the date. */
    birthdayHas: readonly string[];
    birthdayAfter: readonly Phrase[];
    /** "Anna arbeitet bei Siemens", "Anna works at Siemens". */
    worksAt: readonly Phrase[];
  };

  /** Names of channels as a topic: "linkedin" → "LinkedIn". */
  channels: Readonly<Record<string, string>>;
}
