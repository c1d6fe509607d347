/** English messages of the Telegram adapter, spread into the catalog (`...enTelegram`). */
import type { Line } from '../port.ts';
import { b, l } from '../rich.ts';

/** The bot's commands as Telegram's menu shows them (`setMyCommands`); names stay English in every language. */
const telegramCommands = {
  start: 'Start: what keepwarm does',
  today: 'Who to contact today',
  met: 'A new acquaintance: /met Anna at Expo, tier A',
  touch: 'Log a contact: /touch Bob yesterday',
  done: 'Answer the nudge: done, done Anna',
  overdue: 'Everyone past their cadence',
  show: 'Everything about one contact',
  find: 'Search names, places, notes',
  list: 'Your contacts by tier',
  add: 'Someone you already know',
  note: 'A note for the next talk',
  tier: 'Set a tier: /tier Bob C',
  every: 'A cadence for one person',
  snooze: 'Leave someone out for a while',
  remind: 'A reminder on a day',
  intro: 'You introduced two contacts',
  review: 'Walk through your network',
  archive: 'Keep a contact, never nudge',
  delete: 'Delete a contact',
  stats: 'Touches, A share, network size',
  settings: 'Nudge time, days, language',
  pause: 'Pause the nudges',
  resume: 'Resume the nudges',
  export: 'Your data as a file',
  calendar: 'Connect a calendar: /calendar https://…',
  mail: 'Connect a mailbox: /mail imap.host user',
  sources: 'Connected calendars and mailboxes',
  undo: 'Revert the last change',
  forget: 'Erase all your data',
  help: 'All commands, or /help met',
};

export const enTelegram = {
  telegramCommands,
  telegramPrivateOnly: (): Line => l`I work in a private chat only: open a chat with me and write there. Your contacts stay between the two of us.`,
  telegramFileTooLarge: (megabytes: number): Line => l`That file is too large: I can fetch files up to ${b(`${megabytes} MB`)} from Telegram. Nothing was imported.`,
  telegramFileFailed: (): Line => l`I could not fetch that file from Telegram. Please send it again.`,
};
