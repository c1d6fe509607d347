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
  met: [l`${code('/met NAME [auf/bei ORT] [WANN] [, Stufe A-D] [#tag] [, Notiz]')} — eine neue Bekanntschaft. Ich plane das Nachfassen innerhalb von 48 Stunden.`, ex('/met Dr. Jürgen Müller auf der Hannover Messe, Stufe A', '/met Lena Vogel gestern beim Gründerstammtisch')],
  add: [l`${code('/add NAME [, Stufe A-D] [, last talked WANN]')} — jemand, den du schon kennst; ohne Nachfassen.`, ex('/add Ingrid Larsen, Stufe A')],
  touch: [l`Kontakt in eigenen Worten eintragen, oder ${code('/touch NAME [WANN]')}.`, ex('mit Jürgen telefoniert', 'Jürgen gestern angerufen', '/touch Tom vor 3 Monaten')],
  done: [l`Antworten auf die tägliche Erinnerung: ${code('erledigt')}, ${code('erledigt Anna')}, ${code('done both')}, ${code('nicht erreicht')} (kommt in 3 Tagen wieder), ${code('überspringen')}, ${code('snooze 3 Tage')}, ${code('später')}. Oder die Knöpfe.`],
  note: [l`${code('/note NAME TEXT')} — ein Gesprächsthema fürs nächste Mal (Beförderung, neues Hobby).`, ex('/note Jürgen: Hobby Segeln')],
  tier: [l`${code('/tier NAME A|B|C|D')} — A: intensivste Pflege (alle 2 Monate) · B: normal (alle 6 Monate) · C: passiv, keine Erinnerungen · D: kein Potenzial, bei der Durchsicht archivieren.`, ex('/tier Bob C')],
  cadence: [l`${code('/every NAME ABSTAND')} — ein eigener Rhythmus für diese Person (ein Monat zählt 30 Tage).`, ex('/every Müller 2 Monate', '/every Carla alle 3 Wochen')],
  snooze: [l`${code('/snooze NAME für|bis WANN')} — jemanden eine Weile aus den Erinnerungen nehmen.`, ex('/snooze Bob 2 Wochen', '/snooze Anna bis 10. Januar')],
  remind: [l`${code('/remind NAME am WANN TEXT')} — eine Erinnerung, die an dem Tag mitkommt.`, ex('/remind Bob am 3. Dezember nach der Ausschreibung fragen')],
  today: [l`${code('/today [1-3]')} — wen du jetzt anrufen solltest, die Wichtigsten zuerst.`, ex('/today', '/today 3')],
  overdue: [l`${code('/overdue')} — Nachfassen, Erinnerungen und alle über ihrem Rhythmus, A vor B, die Überfälligsten zuerst.`],
  show: [l`${code('/show NAME')} — alles zu einem Kontakt.`, ex('/show Anna')],
  find: [l`${code('/find TEXT')} — sucht in Namen, Orten, Firmen, Tags und Notizen.`, ex('/find siemens')],
  list: [l`${code('/list [A-D]')} — deine Kontakte nach Stufe.`, ex('/list A')],
  intro: [l`${code('/intro NAME to NAME [, warum]')} — du hast zwei Kontakte bekannt gemacht; zählt als Kontakt mit beiden.`, ex('/intro Anna to Bob, beide arbeiten an Wärmepumpen')],
  review: [l`${code('/review')} — dein Netzwerk durchgehen, am längsten nicht geprüfte zuerst: Stufen bestätigen, Totes archivieren. Zweimal im Jahr.`],
  archive: [l`${code('/archive NAME')} — Kontakt behalten, aber nie mehr vorschlagen oder auflisten.`, ex('/archive Tom')],
  delete: [l`${code('/delete NAME')} — einen Kontakt mit seinem ganzen Verlauf löschen (fragt vorher; ${code('/undo')} holt ihn zurück).`],
  settings: [
    l`${code('/settings')} zeigt deine Einstellungen. Ändern mit:`,
    ex('/settings time 8:30', '/settings timezone Europe/Berlin', '/settings days mo-fr', '/settings count 1', '/settings language en', '/settings cadence A 45 Tage', '/settings holidays DE-BY'),
    l`${code('/settings holidays DE-BY')}: keine Erinnerung an den Feiertagen deiner Region (Land oder Land-Bundesland), und jedes Datum, das ich vorschlage, weicht ihnen aus; ${code('keine')} schaltet sie ab. Ohne die Einstellung wählen Zeitzone und Sprache das Land.`,
  ],
  pause: [l`${code('/pause bis WANN')} hält die Erinnerungen an (Urlaub); ${code('/resume')} setzt sie fort.`, ex('/pause bis 6. Januar')],
  stats: [l`${code('/stats')} — Kontakte pro Woche, Anteil auf A-Kontakten (Ziel: 80 %), Überfällige je Stufe, Netzwerkgröße im Vergleich zu ~150 — und die letzten 12 Wochen als Bild.`],
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
    l`${code('/export json|csv|vcf|ics [A-D …]')} — deine Daten als Datei: ${code('json')} enthält alles (und lässt sich wieder importieren), ${code('csv')} und ${code('vcf')} deine Kontakte (nach Stufe: die Liste für Weihnachtskarten), ${code('ics')} einen Kalender, wer wann dran ist, und deine Erinnerungen.`,
    ex('/export json', '/export csv A B', '/export vcf', '/export ics'),
  ],
  forget: [l`${code('/forget')} — alles löschen, was keepwarm über dich weiß (fragt nach einem getippten Bestätigungswort).`],
  undo: [l`${code('/undo')} — die letzte Änderung rückgängig machen (bis zu 20 Schritte).`],
  import: [
    l`Schick eine Datei, um Kontakte zu übernehmen: vCard (.vcf vom Handy, von Apple, Google oder Outlook), LinkedIns ${code('Connections.csv')}, einen XING-Export, jede CSV-Datei, deren erste Zeile die Spalten benennt (Vorname, Nachname, E-Mail, Firma …), oder eine keepwarm-Datei aus ${code('/export json')}.`,
    l`Ich zeige zuerst, was sich ändern würde, und importiere erst, wenn du bestätigst; neue Kontakte beginnen als C (passiv). ${code('/undo')} nimmt einen Import zurück.`,
  ],
};

export const deHelp = {
  overview: (): RichText => [
    line(b('Was ich verstehe'), ' (als /Befehl oder als Text; Daten wie „gestern“ oder „letzten Freitag“):'),
    l`${code('/met')} ${code('/add')} — neue und bekannte Kontakte`,
    l`${code('mit Bob telefoniert')} ${code('/note')} ${code('/remind')} — Kontakte, Notizen, Erinnerungen eintragen`,
    l`${code('/today')} ${code('/overdue')} ${code('erledigt')} ${code('überspringen')} ${code('snooze')} — wen anrufen, und deine Antworten`,
    l`${code('/show')} ${code('/find')} ${code('/list')} ${code('/stats')} — dein Netzwerk ansehen`,
    l`${code('/tier')} ${code('/every')} ${code('/intro')} ${code('/review')} ${code('/archive')} ${code('/delete')} — es gestalten`,
    l`${code('/geburtstag')} ${code('/adresse')} ${code('/weihnachtskarten')} — Geburtstage, Adressen, die Kartenliste`,
    l`${code('/settings')} ${code('/pause')} ${code('/resume')} ${code('/export')} ${code('/forget')} ${code('/undo')}`,
    l`${code('/kalender')} ${code('/mail')} ${code('/quellen')} — Treffen und Mails, die sich selbst eintragen`,
    l`${code('/help BEFEHL')} erklärt einen, z. B. ${code('/help met')}.`,
  ],
  topic: (word: string): RichText | undefined => {
    const topic = helpTopicOf(word);
    return topic && TOPICS[topic];
  },
};
