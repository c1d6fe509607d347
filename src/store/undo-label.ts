/**
 * What an undo step says it reverts, stored as data so /undo can describe it
 * in the user's language of the moment.
 */
export type UndoKey =
  | 'met'
  | 'add'
  | 'touch'
  | 'attempt'
  | 'note'
  | 'tier'
  | 'cadence'
  | 'snooze'
  | 'skip'
  | 'remind'
  | 'archive'
  | 'delete'
  | 'intro'
  | 'settings'
  | 'pause'
  | 'resume'
  | 'review'
  | 'import'
  /** A detail said in the chat: email, phone, company, role, address, birthday. */
  | 'detail'
  /** name: the new name, other: the old one. */
  | 'rename'
  /** An answer to one of the nudge's questions (keep, still follow up, drop the follow-up). */
  | 'answer'
  /** A reminder marked done after "also mark it as done?". */
  | 'reminderDone'
  /** The touches one sync of a calendar or mailbox logged (name: the source's name). */
  | 'sync'
  /** /cards sent: a card touch for everyone on the list (name: the year). */
  | 'cards'
  | 'birthday'
  | 'address';

export interface UndoLabel {
  key: UndoKey;
  name?: string;
  other?: string;
}

export function encodeLabel(label: UndoLabel): string {
  return JSON.stringify(label);
}

export function decodeLabel(text: string): UndoLabel {
  try {
    const value = JSON.parse(text) as UndoLabel;
    if (value && typeof value.key === 'string') return value;
  } catch {
    // An unreadable label still undoes; it just says less.
  }
  return { key: 'settings' };
}
