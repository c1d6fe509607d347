/** Help topics shared by the catalogs: which words name which topic. */

/** The fields of a /settings change a reply describes. */
export interface SettingsChange {
  key?: string;
  value?: string;
  tier?: 'A' | 'B';
  cadenceDays?: number;
}

/** The public holidays /settings shows: the region in effect, its name, and whether it was derived rather than chosen. */
export interface HolidaysShown {
  region: string | null;
  name: string | null;
  derived: boolean;
}

export type HelpTopic =
  | 'met' | 'add' | 'touch' | 'done' | 'note' | 'tier' | 'cadence' | 'snooze' | 'remind' | 'today' | 'overdue'
  | 'show' | 'find' | 'list' | 'intro' | 'review' | 'archive' | 'delete' | 'settings' | 'pause' | 'stats'
  | 'export' | 'forget' | 'undo' | 'import' | 'rename' | 'details' | 'birthday' | 'address' | 'cards' | 'sources';

const ALIASES: Record<string, HelpTopic> = {
  met: 'met', getroffen: 'met', kennengelernt: 'met',
  add: 'add', hinzufügen: 'add', neu: 'add',
  touch: 'touch', called: 'touch', call: 'touch', kontakt: 'touch', log: 'touch',
  done: 'done', erledigt: 'done', skip: 'done', 'no answer': 'done', noanswer: 'done', überspringen: 'done',
  note: 'note', notiz: 'note',
  tier: 'tier', stufe: 'tier', tiers: 'tier',
  every: 'cadence', cadence: 'cadence', rhythmus: 'cadence', alle: 'cadence',
  snooze: 'snooze', later: 'snooze', später: 'snooze',
  remind: 'remind', erinnere: 'remind', erinnerung: 'remind',
  today: 'today', heute: 'today',
  overdue: 'overdue', überfällig: 'overdue',
  show: 'show', zeige: 'show', zeig: 'show',
  find: 'find', suche: 'find', such: 'find',
  list: 'list', liste: 'list',
  intro: 'intro', vorstellen: 'intro',
  review: 'review', durchsicht: 'review',
  archive: 'archive', archivieren: 'archive',
  delete: 'delete', löschen: 'delete',
  settings: 'settings', einstellungen: 'settings', time: 'settings', timezone: 'settings', language: 'settings',
  holidays: 'settings', feiertage: 'settings',
  pause: 'pause', resume: 'pause', pausieren: 'pause', fortsetzen: 'pause',
  stats: 'stats', statistik: 'stats',
  export: 'export', exportieren: 'export',
  forget: 'forget', vergessen: 'forget',
  undo: 'undo', rückgängig: 'undo',
  import: 'import', importieren: 'import',
  rename: 'rename', umbenennen: 'rename',
  details: 'details', detail: 'details', email: 'details', phone: 'details', company: 'details', role: 'details',
  telefon: 'details', firma: 'details', rolle: 'details',
  zurückstellen: 'snooze', verschieben: 'snooze', erinnern: 'remind',
  birthday: 'birthday', geburtstag: 'birthday', birthdays: 'birthday', geburtstage: 'birthday',
  address: 'address', adresse: 'address', anschrift: 'address',
  cards: 'cards', karten: 'cards', weihnachtskarten: 'cards', 'holiday-cards': 'cards', holiday_cards: 'cards',
  sources: 'sources', quellen: 'sources', calendar: 'sources', kalender: 'sources', mail: 'sources', postfach: 'sources',
  disconnect: 'sources', trennen: 'sources', sync: 'sources', caldav: 'sources',
};

/** The topic a word asks about (`met`, `/met`, `Notiz`), or undefined. */
export function helpTopicOf(word: string): HelpTopic | undefined {
  return ALIASES[word.trim().toLowerCase().replace(/^\//, '')];
}
