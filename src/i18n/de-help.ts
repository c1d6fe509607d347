/** Deutsche Hilfe: Übersicht und eine Seite je Thema, mit Beispielen, die so funktionieren. */
import type { Line, RichText } from '../port.ts';
import { b, code, l, line } from '../rich.ts';
import { helpTopicOf, type HelpTopic } from './help-topics.ts';

const ex = (...examples: string[]): Line => line('z. B. ', ...examples.flatMap((e, index) => [index > 0 ? ' · ' : '', code(e)]));

const TOPICS: Record<HelpTopic, RichText> = {
  sources: [
    l`Treffen und Mails tragen sich selbst ein: ${code('/kalender https://…')} (eine geheime iCal-Adresse), ${code('/kalender caldav https://… BENUTZER')} oder ${code('/mail imap.example.org BENUTZER')} – das Passwort kommt in der nächsten Nachricht und wird verschlüsselt gespeichert.`,
    l`Ein Treffen mit einem Kontakt oder eine Mail, die du einem geschickt hast, wird ein Kontakt. ${code('/quellen')} zeigt, was verbunden ist, ${code('/sync')} liest jetzt, ${code('/trennen N')} entfernt eine, ${code('/mail posteingang an')} zählt auch empfangene Mails, ${code('/kalender privat aus')} lässt private Termine aus.`,
  ],
  met: [l`${code('/met NAME [auf/bei ORT] [WANN] [, Stufe A-D] [#tag] [, Notiz]')} — eine neue Bekanntschaft. Ich plane das Nachfassen innerhalb von 48 Stunden.`, ex('/met Dr. Jürgen Müller auf der Hannover Messe, Stufe A', '/met Tom Berger und Lisa Kranz auf der Messe Essen, Stufe B', '/met Lena Vogel gestern beim Gründerstammtisch')],
  add: [l`${code('/hinzufügen NAME [, Stufe A-D] [, zuletzt gesprochen WANN]')} — jemand, den du schon kennst; ohne Nachfassen. Kommas sind nicht nötig.`, ex('/hinzufügen Ingrid Larsen, Stufe A', '/hinzufügen Monika Wagner Stufe B zuletzt gesprochen am 3. November')],
  touch: [l`Kontakt in eigenen Worten eintragen, auch mit mehreren, oder ${code('/kontakt NAME [WANN]')}.`, ex('mit Jürgen telefoniert', 'hab mit petra und monika gesprochen', 'Jürgen gestern angerufen', '/kontakt Tom vor 3 Monaten')],
  done: [l`Antworten auf die tägliche Erinnerung: ${code('erledigt')}, ${code('erledigt Anna')}, ${code('erledigt beide')}, ${code('ole und mo erledigt')}, ${code('nicht erreicht')} (kommt in 3 Tagen wieder), ${code('überspringen')}, ${code('morgen')}, ${code('nächste Woche')}, ${code('später')}. Oder die Knöpfe — deren Beschriftung darfst du auch tippen (${code('behalten')}, ${code('archivieren')}).`],
  note: [l`${code('/notiz NAME TEXT')} — ein Gesprächsthema fürs nächste Mal (Beförderung, neues Hobby); bis 4.000 Zeichen.`, ex('/notiz Jürgen: Hobby Segeln')],
  tier: [l`${code('/stufe NAME A|B|C|D')} — A: intensivste Pflege (alle 2 Monate) · B: normal (alle 6 Monate) · C: passiv, keine Erinnerungen · D: kein Potenzial, bei der Durchsicht archivieren.`, ex('/stufe Bob C')],
  cadence: [l`${code('/rhythmus NAME ABSTAND')} — ein eigener Rhythmus für diese Person (ein Monat zählt 30 Tage).`, ex('/rhythmus Müller 2 Monate', '/rhythmus Carla alle 3 Wochen')],
  snooze: [l`${code('/zurückstellen NAME für|bis WANN')} — jemanden eine Weile aus den Erinnerungen nehmen.`, ex('/zurückstellen Bob 2 Wochen', '/zurückstellen Anna bis 10. Januar', 'verschieb markus auf nächste woche')],
  remind: [l`${code('/erinnere NAME am WANN TEXT')} — eine Erinnerung, die an dem Tag mitkommt.`, ex('/erinnere Bob am 3. Dezember nach der Ausschreibung fragen', '/erinnere Anna in KW 3', 'treffen mit jürgen am freitag')],
  today: [l`${code('/heute [1-3]')} — wen du jetzt anrufen solltest, die Wichtigsten zuerst.`, ex('/heute', '/heute 3')],
  overdue: [l`${code('/überfällig')} — Nachfassen, Erinnerungen und alle über ihrem Rhythmus, A vor B, die Überfälligsten zuerst.`],
  show: [l`${code('/zeige NAME')} — alles zu einem Kontakt.`, ex('/zeige Anna', '/zeige frau weber')],
  find: [l`${code('/suche TEXT')} — sucht in Namen, Orten, Firmen, Tags und Notizen.`, ex('/suche siemens', '/suche #fintech')],
  list: [l`${code('/liste [A-D …]')} — deine Kontakte nach Stufe.`, ex('/liste A', '/liste A B')],
  intro: [l`${code('/vorstellen NAME und NAME [, warum]')} — du hast zwei Kontakte bekannt gemacht; zählt als Kontakt mit beiden.`, ex('/vorstellen Anna und Bob, beide arbeiten an Wärmepumpen')],
  review: [l`${code('/durchsicht')} — dein Netzwerk durchgehen, am längsten nicht geprüfte zuerst: Stufen bestätigen, Totes archivieren. Zweimal im Jahr.`],
  archive: [l`${code('/archivieren NAME')} — Kontakt behalten, aber nie mehr vorschlagen oder auflisten.`, ex('/archivieren Tom')],
  delete: [l`${code('/löschen NAME')} — einen Kontakt mit seinem ganzen Verlauf löschen (fragt vorher; ${code('/rückgängig')} holt ihn zurück).`],
  settings: [
    l`${code('/einstellungen')} zeigt deine Einstellungen. Ändern mit:`,
    ex('/einstellungen zeit 8:30', '/einstellungen zeitzone Europe/Berlin', '/einstellungen tage mo-fr', '/einstellungen anzahl 1', '/einstellungen sprache englisch', '/einstellungen rhythmus A 45 Tage', '/einstellungen feiertage DE-BY'),
    l`${code('/einstellungen feiertage DE-BY')}: keine Erinnerung an den Feiertagen deiner Region (Land oder Land-Bundesland), und jedes Datum, das ich vorschlage, weicht ihnen aus; ${code('keine')} schaltet sie ab. Ohne die Einstellung wählen Zeitzone und Sprache das Land.`,
  ],
  pause: [
    l`${code('/pause bis WANN')} oder ${code('/pause vom WANN bis WANN')} hält die Erinnerungen an (Urlaub); ${code('/fortsetzen')} setzt sie fort.`,
    ex('/pause bis 6. Januar', '/pause vom 23.12. bis 6.1.', 'Urlaub vom 23.12. bis 6.1.', '/pause bis Ende Januar'),
  ],
  stats: [l`${code('/statistik')} — Kontakte pro Woche, Anteil auf A-Kontakten (Ziel: 80 %), Überfällige je Stufe, Netzwerkgröße im Vergleich zu ~150 — und die letzten 12 Wochen als Bild.`],
  birthday: [
    l`${code('/geburtstag NAME DATUM')} — ich erinnere in der Morgennachricht am Tag daran (am Freitag bei einem Geburtstag am Wochenende). Ganze Sätze gehen auch.`,
    ex('/geburtstag Anna 12.3.', '/geburtstag Anna 12. März 1985', 'Anna hat am 12. März Geburtstag'),
  ],
  address: [l`${code('/adresse NAME: STRASSE, PLZ ORT[, LAND]')} — die Postanschrift für die Kartenliste; der Doppelpunkt beendet den Namen.`, ex('/adresse Anna Keller: Hauptstr. 5, 80331 München')],
  cards: [
    l`${code('/weihnachtskarten [A-D …]')} (${code('/cards')}) — die Weihnachtskartenliste dieses Jahres, A und B wenn nicht anders gesagt: wem die Adresse fehlt, eine CSV für Excel und Adressetiketten (PDF, Avery Zweckform 3422). ${code('/weihnachtskarten verschickt')} trägt für alle eine Karte ein.`,
    ex('/weihnachtskarten', '/weihnachtskarten A', '/weihnachtskarten A B C', '/weihnachtskarten verschickt'),
  ],
  export: [
    l`${code('/exportieren json|csv|vcf|ics [A-D …]')} — deine Daten als Datei: ${code('json')} enthält alles (und lässt sich wieder importieren), ${code('csv')} und ${code('vcf')} deine Kontakte (nach Stufe: die Liste für Weihnachtskarten), ${code('ics')} einen Kalender, wer wann dran ist, und deine Erinnerungen.`,
    ex('/exportieren json', '/exportieren csv A B', '/exportieren vcf', '/exportieren ics'),
  ],
  forget: [l`${code('/vergessen')} — alles löschen, was keepwarm über dich weiß (fragt nach einem getippten Bestätigungswort).`],
  undo: [l`${code('/rückgängig')} — die letzte Änderung rückgängig machen (bis zu 20 Schritte).`],
  import: [
    l`Schick eine Datei, um Kontakte zu übernehmen: vCard (.vcf vom Handy, von Apple, Google oder Outlook), LinkedIns ${code('Connections.csv')}, einen XING-Export, jede CSV-Datei, deren erste Zeile die Spalten benennt (Vorname, Nachname, E-Mail, Firma …), oder eine keepwarm-Datei aus ${code('/exportieren json')}.`,
    l`Ich zeige zuerst, was sich ändern würde, und importiere erst, wenn du bestätigst; neue Kontakte beginnen als C (passiv). ${code('/rückgängig')} nimmt einen Import zurück.`,
  ],
  rename: [l`${code('/umbenennen NAME in NEUER NAME')} — wie ein Kontakt heißt, korrigieren.`, ex('/umbenennen Bob in Robert Meyer')],
  details: [
    l`${code('/email')} ${code('/telefon')} ${code('/firma')} ${code('/rolle')} ${code('/adresse')} ${code('/geburtstag')} — Angaben zu einem Kontakt, als Befehl oder als Satz; ${code('/zeige')} listet sie, ${code('/rückgängig')} nimmt eine zurück.`,
    ex('/email Anna anna@example.org', '/telefon Bob +49 30 1234567', '/adresse Anna Keller: Lindenstraße 12, 10115 Berlin', '/geburtstag Anna 12.3.', 'Annas E-Mail ist anna@example.org', 'Anna hat am 12. März Geburtstag'),
  ],
};

export const deHelp = {
  overview: (): RichText => [
    line(b('Was ich verstehe'), ' (als /Befehl oder als Text; Daten wie „gestern“, „letzten Freitag“ oder „KW 3“):'),
    l`${code('/met')} ${code('/hinzufügen')} ${code('/umbenennen')} — neue und bekannte Kontakte`,
    l`${code('mit Bob telefoniert')} ${code('hab mit petra und monika gesprochen')} ${code('/notiz')} ${code('/erinnere')} — Kontakte, Notizen, Erinnerungen eintragen`,
    l`${code('/email')} ${code('/telefon')} ${code('/adresse')} ${code('/geburtstag')} — Angaben zu einem Kontakt`,
    l`${code('/heute')} ${code('/überfällig')} ${code('erledigt')} ${code('überspringen')} ${code('/zurückstellen')} — wen anrufen, und deine Antworten`,
    l`${code('/zeige')} ${code('/suche')} ${code('/liste')} ${code('/statistik')} — dein Netzwerk ansehen`,
    l`${code('/stufe')} ${code('/rhythmus')} ${code('/vorstellen')} ${code('/durchsicht')} ${code('/archivieren')} ${code('/löschen')} — es gestalten`,
    l`${code('/geburtstag')} ${code('/adresse')} ${code('/weihnachtskarten')} — Geburtstage, Adressen, die Kartenliste`,
    l`${code('/einstellungen')} ${code('/pause')} ${code('/fortsetzen')} ${code('/exportieren')} ${code('/vergessen')} ${code('/rückgängig')}`,
    l`${code('/kalender')} ${code('/mail')} ${code('/quellen')} — Treffen und Mails, die sich selbst eintragen`,
    l`${code('/hilfe BEFEHL')} erklärt einen, z. B. ${code('/hilfe notiz')}.`,
  ],
  topic: (word: string): RichText | undefined => {
    const topic = helpTopicOf(word);
    return topic && TOPICS[topic];
  },
};
