/** Deutsch: jedes Wort der Befehlssprache (Schreibweise: types.ts). */
// Only this language's part of chrono: the package root loads all of chrono's
// languages (500-odd modules), which costs every process a second at start.
import * as chronoDE from 'chrono-node/de';
import { SALUTATION_WORDS, TITLE_WORDS } from '../../core/honorifics.ts';
import type { Lexicon } from './types.ts';

export const de: Lexicon = {
  language: 'de',
  chrono: chronoDE.casual,

  intents: {
    met: ['kennengelernt'],
    add: ['hinzufügen', 'anlegen'],
    touch: ['kontakt', 'kontaktiert'],
    done: ['erledigt', 'fertig', 'gemacht'],
    noanswer: ['unerreichbar'],
    skip: ['überspringen', 'übersprungen', 'auslassen'],
    later: ['später'],
    snooze: ['verschieben', 'verschieb', 'verschiebe', 'zurückstellen', 'schieben', 'schieb'],
    note: ['notiz', 'notieren'],
    tier: ['stufe', 'kategorie', 'klasse'],
    cadence: ['rhythmus', 'kadenz', 'intervall'],
    remind: ['erinnere', 'erinnern', 'erinnerung'],
    today: ['heute', 'jetzt'],
    overdue: ['überfällig', 'fällig'],
    show: ['zeige', 'zeig', 'anzeigen'],
    find: ['suche', 'such', 'finde', 'suchen'],
    list: ['liste', 'kontakte'],
    intro: ['vorstellen', 'verbinden', 'vernetzen'],
    review: ['durchsehen', 'durchsicht', 'aufräumen', 'prüfen'],
    archive: ['archivieren', 'archiviere'],
    delete: ['löschen', 'lösche', 'entfernen', 'entferne'],
    rename: ['umbenennen', 'umbenenne', 'benenne'],
    detail: [],
    keep: ['behalten', 'behalte'],
    settings: ['einstellungen', 'einstellung'],
    pause: ['pausieren', 'pausiere', 'urlaub', 'ferien'],
    resume: ['fortsetzen', 'weiter'],
    stats: ['statistik', 'statistiken'],
    export: ['exportieren', 'exportiere'],
    cards: ['weihnachtskarten', 'karten'],
    forget: ['vergessen', 'vergiss'],
    undo: ['rückgängig', 'zurück'],
    help: ['hilfe', 'befehle'],
    confirm: ['ja', 'jo', 'jep', 'klar', 'bestätigen', 'passt'],
    cancel: ['nein', 'abbrechen', 'abbruch', 'nee'],
    both: ['beide', 'beiden'],
  },
  intentPhrases: {
    noanswer: ['nicht erreicht|erreichbar', 'keine antwort', 'niemanden erreicht', 'mailbox'],
    later: ['später erinnern'],
  },
  trailingIntents: {
    done: ['erledigt', 'geschafft'],
    noanswer: ['nicht erreicht|erreichbar', 'keine antwort', 'hat? nicht abgenommen', 'ging|geht nicht ran'],
    snooze: ['verschieben', 'zurückstellen', 'schieben'],
    archive: ['archivieren'],
    rename: ['umbenennen'],
  },
  callCount: { before: ['ruf|rufe jetzt?'], people: ['leute', 'personen', 'kontakte', 'menschen'], after: ['jetzt? anrufen|an'] },

  names: {
    and: ['und', 'sowie', '&', '+'],
    filler: [
      'ich', 'wir', 'habe', 'hab', 'haben', 'hatte', 'hatten', 'gerade', 'eben', 'grad', 'auch', 'endlich', 'noch', 'schon', 'mal', 'kurz', 'kurzer',
      'nochmal', 'nochmals', 'wieder', 'dann', 'also', 'ja', 'hallo', 'hi', 'moin', 'servus', 'neu', 'neue', 'neuer', 'neuen', 'bitte', 'danke',
    ],
    functionWords: [
      'der', 'die', 'das', 'dem', 'den', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'mit', 'bei', 'an', 'am', 'auf', 'zu', 'zum', 'zur',
      'von', 'vom', 'für', 'über', 'um', 'im', 'in', 'aus', 'nach', 'per', 'und', 'oder', 'aber',
      'er', 'sie', 'es', 'ihm', 'ihr', 'ihn', 'ihnen', 'mich', 'mir', 'du', 'dich', 'dir', 'uns', 'jemand', 'jemandem', 'jemanden', 'alle', 'allen',
      'ist', 'war', 'sind', 'waren', 'wird', 'wurde', 'hat', 'kann', 'dieser', 'diese', 'dieses', 'diesem', 'diesen', 'jener',
      'nicht', 'kein', 'keine', 'wer', 'wen', 'wem', 'was', 'frau', 'herr',
    ],
    nouns: ['person', 'leute', 'kontakt', 'typ', 'mann', 'kollege', 'kollegin'],
    noteWords: ['wegen', 'über', 'bzgl.', 'bzgl', 'bezüglich', 'zum thema', 'betreffend', 'betreff'],
    particles: ['von', 'van', 'de', 'der', 'den', 'zu', 'vom', 'zum', 'zur', 'ter', 'ten'],
    salutations: SALUTATION_WORDS.de,
    titles: Object.keys(TITLE_WORDS.de),
  },

  touch: {
    before: [
      { phrase: 'telefonat|anruf|gespräch|videocall|call mit|bei', kind: 'call', tense: 'open' },
      { phrase: 'telefoniert|gesprochen mit', kind: 'call', tense: 'past' },
      { phrase: 'treffen|mittagessen|abendessen|essen|kaffee|frühstück|termin|meeting|lunch mit', kind: 'meeting', tense: 'open' },
      { phrase: 'e-mail|mail an', kind: 'email', tense: 'past' },
      { phrase: 'nachricht|sms|whatsapp an', kind: 'message', tense: 'past' },
    ],
    after: [
      { phrase: 'eine|ein? e-mail|mail geschickt|geschrieben|gesendet', kind: 'email', tense: 'past' },
      { phrase: 'gemailt', kind: 'email', tense: 'past' },
      { phrase: 'eine|ein? nachricht|sms|whatsapp geschickt|geschrieben|gesendet', kind: 'message', tense: 'past' },
      { phrase: 'angeschrieben|geschrieben|gechattet|getextet|angetextet', kind: 'message', tense: 'past' },
      { phrase: 'zu? mittag|abend gegessen', kind: 'meeting', tense: 'past' },
      { phrase: 'einen|ein? kaffee|bier getrunken', kind: 'meeting', tense: 'past' },
      { phrase: 'kaffee trinken gewesen', kind: 'meeting', tense: 'past' },
      { phrase: 'essen|mittagessen gewesen', kind: 'meeting', tense: 'past' },
      { phrase: 'was trinken gewesen', kind: 'meeting', tense: 'past' },
      { phrase: 'gefrühstückt|getroffen|besucht|gegessen', kind: 'meeting', tense: 'past' },
      { phrase: 'ein? telefonat gehabt', kind: 'call', tense: 'past' },
      { phrase: 'telefoniert|telefonirt|telefonniert|zurücktelefoniert|angerufen|zurückgerufen|gesprochen|gesprochn|geskypt|gezoomt|angerfen', kind: 'call', tense: 'past' },
    ],
    sentVerbs: [],
    sentThings: {},
    kindWords: {
      call: ['anruf', 'angerufen', 'telefonat', 'telefoniert'],
      meeting: ['treffen', 'getroffen', 'essen', 'kaffee', 'mittagessen'],
      email: ['e-mail', 'mail', 'gemailt'],
      message: ['nachricht', 'geschrieben', 'sms', 'whatsapp'],
      other: [],
    },
    lead: ['mit', 'bei', 'an'],
    channelLead: ['auf', 'per', 'über', 'via', 'bei', 'im'],
  },

  met: {
    after: ['kennengelernt', 'kennen gelernt'],
    withKnown: [],
    lastTalked: ['zuletzt gesprochen|kontakt|getroffen|telefoniert|gesehen?', 'letzter kontakt', 'letztes gespräch', 'seit'],
    places: ['auf der', 'auf dem', 'auf', 'im', 'in der', 'in dem', 'in', 'beim', 'bei der', 'bei dem', 'bei', 'an der', 'am', 'während der', 'zur', 'zum'],
  },

  tiers: { words: ['stufe', 'kategorie', 'klasse', 'prio', 'priorität'], contactSuffix: ['kontakt', 'kontakte'], joiners: ['auf', 'zu', 'nach'], all: ['alle'] },

  dates: {
    qualifiers: ['am', 'an', 'letzte', 'letzten', 'letzter', 'letztes', 'letztem', 'vergangene', 'vergangenen', 'vergangener', 'vergangenes', 'vorige', 'vorigen', 'voriger', 'voriges',
      'nächste', 'nächsten', 'nächster', 'nächstes', 'kommende', 'kommenden', 'kommender', 'kommendes', 'diese', 'diesen', 'dieser', 'dieses', 'bis', 'seit', 'ab', 'im', 'vom', 'zum', 'von'],
    explicitWeek: ['letzte', 'letzten', 'letzter', 'letztes', 'letztem', 'vergangene', 'vergangenen', 'vergangener', 'vergangenes', 'vorige', 'vorigen', 'voriger', 'voriges',
      'nächste', 'nächsten', 'nächster', 'nächstes', 'kommende', 'kommenden', 'kommender', 'kommendes', 'diese', 'diesen', 'dieser', 'dieses'],
    notADay: ['jetzt', 'gerade'],
    dayWords: ['heute', 'gestern', 'vorgestern', 'morgen', 'übermorgen', 'jetzt', 'gerade', 'woche', 'monat', 'jahr', 'vor', 'später', 'bald', 'nächste', 'nächsten', 'kommende', 'kommenden', 'letzte', 'letzten', 'wochenende', 'heut'],
    months: [
      ['januar', 'jan', 'jänner'], ['februar', 'feb'], ['märz', 'mär', 'mrz'], ['april', 'apr'], ['mai'], ['juni', 'jun'],
      ['juli', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['oktober', 'okt'], ['november', 'nov'], ['dezember', 'dez'],
    ],
    weekdays: [
      ['montag', 'mo'], ['dienstag', 'di'], ['mittwoch', 'mi'], ['donnerstag', 'do'], ['freitag', 'fr'], ['samstag', 'sa', 'sonnabend'], ['sonntag', 'so'],
    ],
    inMonth: ['im', 'anfang', 'mitte', 'ende'],
    calendarWeek: ['kw', 'kalenderwoche', 'woche', 'in der kw', 'in der kalenderwoche', 'ab der kw', 'bis zur kw', 'bis kw'],
    monthParts: { early: ['anfang'], mid: ['mitte'], late: ['ende'] },
    nextWeek: ['nächste|kommende woche'],
    rangeFrom: ['vom', 'von', 'ab'],
    rangeTo: ['bis', 'bis zum', 'bis einschließlich', '-'],
    untilJoiners: ['bis', 'bis zum', 'bis zur', 'für', 'auf', 'um', 'am', 'zum', 'zur'],
  },

  durations: {
    numbers: { ein: 1, eine: 1, einen: 1, einem: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12 },
    units: {
      day: ['tag', 'tage', 'tagen', 'tg'], week: ['woche', 'wochen'], month: ['monat', 'monate', 'monaten', 'monats'],
      quarter: ['quartal', 'quartale', 'quartalen'], year: ['jahr', 'jahre', 'jahren', 'jahres'],
    },
    adverbs: [
      ['täglich', 1, 'day'], ['wöchentlich', 1, 'week'], ['zweiwöchentlich', 2, 'week'], ['monatlich', 1, 'month'], ['zweimonatlich', 2, 'month'],
      ['vierteljährlich', 3, 'month'], ['quartalsweise', 3, 'month'], ['halbjährlich', 6, 'month'], ['jährlich', 1, 'year'],
    ],
    every: ['alle', 'jede', 'jeden', 'jeder', 'jedes', 'jedem'],
    lead: ['für', 'in', 'um'],
    agoAfter: [],
    agoBefore: ['vor'],
    half: ['ein? halbes', 'einen halben', 'halben'],
    of: [],
  },

  answers: {
    both: ['beide', 'beiden', 'alle', 'alle beide', 'alle zwei'],
    toName: ['mit', 'von', 'bei'],
    polite: ['bitte', 'danke', 'jetzt', 'alles'],
  },

  remind: {
    lead: ['mich|uns? an', 'mich|uns? daran dass? ich?', 'mich|uns? dass ich', 'mich|uns'],
    noteLead: ['und', 'dass'],
  },

  intro: { join: ['und', 'mit', 'an', 'bei'], verbs: ['miteinander|einander? bekannt machen', 'miteinander|einander? vorstellen|verbinden|vernetzen|verkuppeln'] },
  rename: { join: ['in', 'zu', 'nach', 'auf'] },
  cadence: { joiners: ['alle', 'jede', 'jeden', 'jeder', 'auf'] },
  today: { people: ['leute', 'personen', 'kontakte', 'jetzt'] },
  find: { tagWords: ['tag', 'schlagwort'] },

  settings: {
    keys: {
      zeit: 'time', uhrzeit: 'time', zeitzone: 'timezone', tage: 'days', wochentage: 'days', anzahl: 'count', personen: 'count', leute: 'count',
      sprache: 'language', rhythmus: 'cadence', kadenz: 'cadence', intervall: 'cadence',
      feiertage: 'holidays', feiertag: 'holidays', bundesland: 'holidays',
    },
    valueLead: ['auf'],
    tierLead: ['stufe', 'für'],
    timeLead: ['um'],
    timeSuffix: ['uhr', 'h'],
    everyDay: ['jeden tag'],
    dayGroups: {
      werktags: [1, 2, 3, 4, 5], wochentags: [1, 2, 3, 4, 5], werktage: [1, 2, 3, 4, 5], arbeitstage: [1, 2, 3, 4, 5],
      wochenende: [6, 7], wochenenden: [6, 7], täglich: [1, 2, 3, 4, 5, 6, 7], alle: [1, 2, 3, 4, 5, 6, 7], jedentag: [1, 2, 3, 4, 5, 6, 7],
    },
    rangeTo: ['bis'],
    listAnd: ['und'],
    counts: { eins: 1, ein: 1, eine: 1, zwei: 2, drei: 3 },
    languages: { de: 'de', deutsch: 'de', deu: 'de', englisch: 'en' },
    noHolidays: ['keine', 'kein', 'aus', 'nein', 'ohne'],
  },

  exports: {
    formats: { kalender: 'ics' },
    filler: ['stufe', 'stufen', 'als', 'format'],
  },

  details: {
    commands: {
      email: ['e-mail'], phone: ['telefon', 'handy', 'mobil', 'telefonnummer'], company: ['firma', 'unternehmen'], role: ['rolle', 'funktion'],
      address: ['adresse', 'anschrift'], birthday: ['geburtstag'],
    },
    fields: {
      email: ['e-mail', 'email', 'mail', 'e-mail-adresse', 'mailadresse', 'e-mailadresse', 'emailadresse'],
      phone: ['telefon', 'telefonnummer', 'nummer', 'handy', 'handynummer', 'mobil', 'mobilnummer', 'tel', 'festnetz'],
      company: ['firma', 'unternehmen', 'arbeitgeber'],
      role: ['rolle', 'funktion', 'position', 'jobtitel'],
      address: ['adresse', 'anschrift', 'postadresse', 'privatadresse'],
      birthday: ['geburtstag', 'geburtsdatum'],
    },
    is: ['ist', 'lautet', 'ist jetzt', ':', '='],
    of: ['von'],
    birthdayHas: ['hat'],
    birthdayAfter: ['geburtstag', 'burzeltag'],
    worksAt: ['arbeitet bei|für', 'ist jetzt bei', 'ist bei'],
  },

  channels: { linkedin: 'LinkedIn', xing: 'XING', whatsapp: 'WhatsApp', signal: 'Signal', telegram: 'Telegram', slack: 'Slack', teams: 'Teams', zoom: 'Zoom', skype: 'Skype', facebook: 'Facebook', instagram: 'Instagram', telefon: 'Telefon', threema: 'Threema' },
};
