/** German messages of the Telegram adapter, spread into the catalog (`...deTelegram`). */
import type { Line } from '../port.ts';
import { b, l } from '../rich.ts';
import type { enTelegram } from './en-telegram.ts';

const telegramCommands: (typeof enTelegram)['telegramCommands'] = {
  start: 'Start: was keepwarm macht',
  today: 'Wen du heute kontaktieren solltest',
  met: 'Neu kennengelernt: /met Anna auf der Messe, Stufe A',
  touch: 'Kontakt eintragen: /touch Bob gestern',
  done: 'Auf den Vorschlag antworten: erledigt, erledigt Anna',
  overdue: 'Alle, deren Rhythmus überschritten ist',
  show: 'Alles über einen Kontakt',
  find: 'Namen, Orte, Notizen durchsuchen',
  list: 'Deine Kontakte nach Stufe',
  add: 'Jemand, den du schon kennst',
  note: 'Eine Notiz fürs nächste Gespräch',
  tier: 'Stufe setzen: /tier Bob C',
  every: 'Eigener Rhythmus für eine Person',
  snooze: 'Jemanden eine Weile auslassen',
  remind: 'Eine Erinnerung an einem Tag',
  intro: 'Du hast zwei Kontakte vorgestellt',
  review: 'Dein Netzwerk durchsehen',
  archive: 'Kontakt behalten, nie vorschlagen',
  delete: 'Einen Kontakt löschen',
  stats: 'Kontakte, Anteil A, Netzwerkgröße',
  settings: 'Uhrzeit, Tage, Sprache',
  pause: 'Vorschläge pausieren',
  resume: 'Vorschläge fortsetzen',
  export: 'Deine Daten als Datei',
  calendar: 'Kalender verbinden: /calendar https://…',
  mail: 'Postfach verbinden: /mail imap.host benutzer',
  sources: 'Verbundene Kalender und Postfächer',
  undo: 'Letzte Änderung rückgängig machen',
  forget: 'Alle deine Daten löschen',
  help: 'Alle Befehle, oder /help met',
};

export const deTelegram: typeof enTelegram = {
  telegramCommands,
  telegramPrivateOnly: (): Line => l`Ich arbeite nur im privaten Chat: Öffne einen Chat mit mir und schreib mir dort. Deine Kontakte bleiben unter uns.`,
  telegramFileTooLarge: (megabytes: number): Line => l`Die Datei ist zu groß: Ich kann Dateien bis ${b(`${megabytes} MB`)} von Telegram holen. Nichts wurde importiert.`,
  telegramFileFailed: (): Line => l`Ich konnte die Datei nicht von Telegram holen. Bitte schick sie noch einmal.`,
};
