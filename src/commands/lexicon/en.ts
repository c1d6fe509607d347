/** English: every word of the command language (notation: types.ts). */
// Only this language's part of chrono: the package root loads all of chrono's
// languages (500-odd modules), which costs every process a second at start.
import * as chronoEN from 'chrono-node/en';
import { SALUTATION_WORDS, TITLE_WORDS } from '../../core/honorifics.ts';
import type { Lexicon } from './types.ts';

export const en: Lexicon = {
  language: 'en',
  chrono: chronoEN.casual,

  intents: {
    met: ['met'],
    add: ['add'],
    touch: ['touch', 'log'],
    done: ['done'],
    noanswer: ['noanswer', 'unreachable'],
    skip: ['skip'],
    later: ['later'],
    snooze: ['snooze', 'postpone', 'push', 'move', 'defer'],
    note: ['note'],
    tier: ['tier'],
    cadence: ['every', 'cadence'],
    remind: ['remind', 'reminder'],
    today: ['today', 'now'],
    overdue: ['overdue'],
    show: ['show', 'info'],
    find: ['find', 'search'],
    list: ['list', 'contacts'],
    intro: ['intro', 'introduce'],
    review: ['review'],
    archive: ['archive'],
    delete: ['delete', 'remove'],
    rename: ['rename'],
    detail: [],
    keep: ['keep'],
    settings: ['settings', 'setting', 'set', 'config'],
    pause: ['pause', 'vacation', 'holiday', 'holidays'],
    resume: ['resume', 'unpause'],
    stats: ['stats', 'statistics'],
    export: ['export'],
    cards: ['cards', 'holidaycards', 'holiday_cards', 'christmascards'],
    forget: ['forget'],
    undo: ['undo'],
    help: ['help', 'commands'],
    start: ['start'],
    confirm: ['yes', 'y', 'yep', 'yeah', 'ok', 'okay', 'sure', 'confirm'],
    cancel: ['no', 'n', 'nope', 'cancel'],
    both: ['both'],
  },
  intentPhrases: {
    noanswer: ["no answer|reply|response", 'not reached', "couldn't|couldnt|could't|cannot|didn't|didnt|did't reach", 'mailbox', 'voicemail'],
    later: ['call me? later', 'remind me later'],
  },
  trailingIntents: {
    done: ['done'],
    noanswer: ['no answer', 'not reached', "didn't|didnt answer", "didn't|didnt pick up"],
    snooze: [],
    archive: ['archive'],
  },
  callCount: { before: ['please? call|ring|phone|contact', 'who to|should i? call'], people: ['people', 'persons', 'contacts', 'folks'], after: ['now|today'] },

  names: {
    and: ['and', '&', '+'],
    filler: ['i', 'we', 'have', "i've", 'ive', 'just', 'also', 'finally', 'again', 'briefly', 'quickly', 'already', 'still', 'then', 'oh', 'hey', 'hi', 'hello', 'well', 'ok', 'okay', 'btw', 'new'],
    functionWords: [
      'a', 'an', 'the', 'to', 'with', 'at', 'on', 'in', 'of', 'for', 'from', 'by', 'about', 'via', 'per', 'and', 'or', 'but',
      'he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'their', 'me', 'my', 'you', 'your', 'us', 'our', 'someone', 'somebody', 'everyone', 'nobody',
      'is', 'was', 'are', 'were', 'be', 'been', 'had', 'has', 'did', 'do', 'does', 'will', 'would', 'can', 'could', 'this', 'that', 'these', 'those',
      'not', 'no', 'yes', 'all', 'some', 'any', 'who', 'whom', 'what', 'please', 'thanks',
    ],
    nouns: ['person', 'people', 'contact', 'guy', 'lady', 'man', 'woman', 'colleague'],
    noteWords: ['about', 'regarding', 're', 're:', 'concerning'],
    particles: ['de', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'della', 'du', 'le', 'la', 'ten', 'ter', 'af', 'bin', 'al', 'el', 'dos', 'st.'],
    salutations: SALUTATION_WORDS.en,
    titles: Object.keys(TITLE_WORDS.en),
  },

  touch: {
    before: [
      { phrase: 'had a|an? phone|video|zoom|teams|quick|short? call with', kind: 'call', tense: 'past' },
      { phrase: 'a|an? phone|video|zoom|teams|quick|short? call with', kind: 'call', tense: 'open' },
      { phrase: 'called|phoned|rang|rung|video-called|skyped', kind: 'call', tense: 'past' },
      { phrase: 'skyped|zoomed with', kind: 'call', tense: 'past' },
      { phrase: 'spoke|spoken|talked to|with', kind: 'call', tense: 'past' },
      { phrase: 'had a|an? lunch|coffee|dinner|breakfast|drink|drinks|beer|beers|meeting|meetup|walk with', kind: 'meeting', tense: 'past' },
      { phrase: 'a|an? lunch|coffee|dinner|breakfast|drink|drinks|beer|beers|meeting|meetup|walk with', kind: 'meeting', tense: 'open' },
      { phrase: 'met up? with', kind: 'meeting', tense: 'past' },
      { phrase: 'caught|catching up with', kind: 'meeting', tense: 'past' },
      { phrase: 'catch-up with', kind: 'meeting', tense: 'past' },
      { phrase: 'saw|visited', kind: 'meeting', tense: 'past' },
      { phrase: 'lunched|dined with', kind: 'meeting', tense: 'past' },
      { phrase: 'sent|wrote a|an? e-mail|mail to', kind: 'email', tense: 'past' },
      { phrase: 'e-mailed|mailed', kind: 'email', tense: 'past' },
      { phrase: 'sent|wrote a|an? message|text|note|dm|sms|whatsapp to', kind: 'message', tense: 'past' },
      { phrase: "texted|messaged|pinged|dm'd|dmed|dm'ed|whatsapped|answered", kind: 'message', tense: 'past' },
      { phrase: 'wrote|replied to', kind: 'message', tense: 'past' },
      { phrase: 'chatted with', kind: 'message', tense: 'past' },
      { phrase: 'wrote', kind: 'message', tense: 'past' },
    ],
    after: [],
    sentVerbs: ['sent'],
    sentThings: { email: ['e-mail', 'mail'], message: ['message', 'text', 'note', 'dm', 'sms', 'whatsapp'] },
    kindWords: {
      call: ['call', 'called', 'phone', 'phoned'],
      meeting: ['meeting', 'meet', 'met', 'lunch', 'coffee', 'dinner', 'breakfast'],
      email: ['e-mail', 'mail', 'e-mailed'],
      message: ['message', 'messaged', 'text', 'texted', 'sms', 'whatsapp', 'chat', 'dm'],
      other: [],
    },
    lead: ['with', 'to'],
    channelLead: ['on', 'via', 'over', 'through', 'by'],
  },

  met: {
    after: [],
    withKnown: ['up? with'],
    lastTalked: ['last talked|talk|spoke|spoken|contact|contacted|met|seen|called|call to|with?', 'since'],
    places: ['at the', 'at', 'in the', 'in', 'on the', 'on', 'during the', 'during', 'via'],
  },

  tiers: { words: ['tier', 'category', 'class', 'prio', 'priority'], contactSuffix: ['contact', 'contacts'], joiners: ['to', '->', '=', ':'], all: ['all', 'everyone'] },

  dates: {
    qualifiers: ['on', 'last', 'next', 'this', 'past', 'coming', 'until', 'till', 'til', 'by', 'since', 'in', 'before', 'from', 'to'],
    explicitWeek: ['last', 'next', 'this', 'past', 'coming'],
    notADay: ['now', 'right now'],
    dayWords: ['today', 'yesterday', 'tomorrow', 'tonight', 'now', 'week', 'month', 'year', 'ago', 'later', 'soon', 'next', 'last', 'coming', 'weekend'],
    months: [
      ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
      ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
    ],
    weekdays: [
      ['monday', 'mon'], ['tuesday', 'tue', 'tues'], ['wednesday', 'wed'], ['thursday', 'thu', 'thur', 'thurs'],
      ['friday', 'fri'], ['saturday', 'sat'], ['sunday', 'sun'],
    ],
    inMonth: ['in'],
    calendarWeek: ['week', 'wk', 'cw'],
    monthParts: { early: ['early', 'beginning of', 'start of'], mid: ['mid', 'mid-', 'middle of'], late: ['late', 'end of'] },
    nextWeek: ['next week'],
    rangeFrom: ['from'],
    rangeTo: ['to', 'until', 'till', 'til', 'through', '-'],
    untilJoiners: ['until', 'till', 'til', 'for', 'to', 'on', 'by'],
  },

  durations: {
    numbers: { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, other: 2, couple: 2 },
    units: { day: ['day', 'days'], week: ['week', 'weeks', 'wk', 'wks'], month: ['month', 'months'], quarter: ['quarter', 'quarters'], year: ['year', 'years', 'yr', 'yrs'] },
    adverbs: [
      ['daily', 1, 'day'], ['weekly', 1, 'week'], ['biweekly', 2, 'week'], ['bi-weekly', 2, 'week'], ['fortnightly', 2, 'week'],
      ['monthly', 1, 'month'], ['bimonthly', 2, 'month'], ['bi-monthly', 2, 'month'], ['quarterly', 3, 'month'],
      ['half-yearly', 6, 'month'], ['halfyearly', 6, 'month'], ['semi-annually', 6, 'month'], ['semiannually', 6, 'month'], ['yearly', 1, 'year'], ['annually', 1, 'year'],
    ],
    every: ['every', 'each', 'all'],
    lead: ['for', 'in'],
    agoAfter: ['ago'],
    agoBefore: [],
    half: ['half a|an', 'a|an half'],
    of: ['of'],
  },

  answers: {
    both: ['both', 'all'],
    toName: ['with', 'from'],
    polite: ['please', 'pls', 'thanks', 'thank you', 'now', 'all', 'everything'],
  },

  remind: {
    lead: ['me|us? to call|email|e-mail|text|contact|write|ping', 'me|us? to reach out to', 'me|us? about|of', 'me|us'],
    noteLead: ['to', 'and', 'that'],
  },

  intro: { join: ['to', 'and', 'with', '&', '+', '<->', '<>', '->', '→'], verbs: ['introduce'] },
  rename: { join: ['to', 'as', '->', '→', '=', ':'] },
  cadence: { joiners: ['every', 'to', '=', ':'] },
  today: { people: ['people', 'persons', 'contacts', 'now'] },
  find: { tagWords: ['tag', 'tagged'] },

  settings: {
    keys: {
      time: 'time', nudgetime: 'time', hour: 'time', timezone: 'timezone', tz: 'timezone', zone: 'timezone',
      days: 'days', day: 'days', weekdays: 'days', count: 'count', number: 'count', people: 'count',
      language: 'language', lang: 'language', cadence: 'cadence', cadences: 'cadence',
      holidays: 'holidays', holiday: 'holidays', publicholidays: 'holidays', region: 'holidays',
    },
    valueLead: ['to'],
    tierLead: ['tier', 'for'],
    timeLead: ['at'],
    timeSuffix: ['am', 'pm', 'a.m.', 'p.m.', 'h', "o'clock"],
    everyDay: ['every|each day'],
    dayGroups: { weekdays: [1, 2, 3, 4, 5], workdays: [1, 2, 3, 4, 5], weekends: [6, 7], weekend: [6, 7], daily: [1, 2, 3, 4, 5, 6, 7], everyday: [1, 2, 3, 4, 5, 6, 7], all: [1, 2, 3, 4, 5, 6, 7] },
    rangeTo: ['to'],
    listAnd: ['and'],
    counts: { one: 1, two: 2, three: 3 },
    languages: { en: 'en', english: 'en', eng: 'en', german: 'de', ger: 'de' },
    noHolidays: ['none', 'no', 'off'],
  },

  exports: {
    formats: { json: 'json', csv: 'csv', excel: 'csv', vcf: 'vcf', vcard: 'vcf', vcards: 'vcf', ics: 'ics', ical: 'ics', icalendar: 'ics', calendar: 'ics' },
    filler: ['tier', 'tiers', 'as', 'format'],
  },

  details: {
    commands: {
      email: ['email', 'e-mail'], phone: ['phone', 'mobile', 'tel'], company: ['company', 'employer'], role: ['role', 'position'],
      address: ['address'], birthday: ['birthday', 'bday'],
    },
    fields: {
      email: ['email', 'e-mail', 'mail', 'email address', 'e-mail address', 'mail address'],
      phone: ['phone', 'phone number', 'number', 'mobile', 'mobile number', 'cell', 'cell phone', 'tel', 'telephone'],
      company: ['company', 'employer', 'firm', 'organisation', 'organization', 'org'],
      role: ['role', 'title', 'position', 'job', 'job title'],
      address: ['address', 'postal address', 'home address'],
      birthday: ['birthday', 'bday', 'date of birth', 'dob'],
    },
    is: ['is', 'is now', ':', '='],
    of: ['of'],
    birthdayHas: ['has'],
    birthdayAfter: ['birthday'],
    worksAt: ['works at|for', 'now works at|for'],
  },

  channels: { linkedin: 'LinkedIn', xing: 'XING', whatsapp: 'WhatsApp', signal: 'Signal', telegram: 'Telegram', slack: 'Slack', teams: 'Teams', zoom: 'Zoom', skype: 'Skype', facebook: 'Facebook', instagram: 'Instagram', twitter: 'Twitter', phone: 'phone' },
};
