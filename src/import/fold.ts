/**
 * What one more record adds while an import is planned (plan.ts): to a new
 * contact an earlier record of the same file made (`fold`), or to a contact
 * the network has (`mergeInto`). Each keeps sets of what is there already, so
 * the 50,000th record about one person costs what the first did.
 */
import type { ImportRecord } from './record.ts';
import type { ExistingContact, PlannedMerge } from './plan.ts';

function touchKey(t: { on: string; kind: string; note: string | null }): string {
  return `${t.on}|${t.kind}|${t.note ?? ''}`;
}

function reminderKey(r: { due: string; text: string | null }): string {
  return `${r.due}|${r.text ?? ''}`;
}

/** What a record of the file already holds, so folding another one in costs its own size, not the record's. */
export interface Folded {
  emails: Set<string>;
  phones: Set<string>;
  tags: Set<string>;
  notes: Set<string>;
}

/** Appends the items of `from` not in `seen` (nor twice in `from`) to `into`. */
function appendNew<T>(into: T[], seen: Set<T>, from: readonly T[]): void {
  for (const item of from) {
    if (seen.has(item)) continue;
    seen.add(item);
    into.push(item);
  }
}

/** Each list of a record once, without repeats, and what it holds. */
export function folded(record: ImportRecord): Folded {
  record.emails = [...new Set(record.emails)];
  record.phones = [...new Set(record.phones)];
  record.tags = [...new Set(record.tags)];
  record.notes = [...new Set(record.notes)];
  return { emails: new Set(record.emails), phones: new Set(record.phones), tags: new Set(record.tags), notes: new Set(record.notes) };
}

/** A later record of the file about the same person fills the earlier one's gaps. */
export function fold(into: ImportRecord, seen: Folded, from: ImportRecord): void {
  appendNew(into.emails, seen.emails, from.emails);
  appendNew(into.phones, seen.phones, from.phones);
  into.company ??= from.company;
  into.role ??= from.role;
  into.place ??= from.place;
  into.tier ??= from.tier;
  into.birthday = into.birthday ?? from.birthday ?? null;
  into.address = into.address ?? from.address ?? null;
  into.salutation = into.salutation ?? from.salutation ?? null;
  into.academicTitle = into.academicTitle ?? from.academicTitle ?? null;
  appendNew(into.tags, seen.tags, from.tags);
  appendNew(into.notes, seen.notes, from.notes);
  if (from.lastContactOn && (!into.lastContactOn || from.lastContactOn > into.lastContactOn)) into.lastContactOn = from.lastContactOn;
}


export interface MergeState {
  merge: PlannedMerge;
  tags: string[];
  tagSet: Set<string>;
  /** The contact's notes and the notes the merge adds. */
  notes: Set<string>;
  touches: Set<string>;
  reminders: Set<string>;
}

function mergeStateOf(merges: Map<number, MergeState>, contact: ExistingContact): MergeState {
  let state = merges.get(contact.id);
  if (!state) {
    const tags = [...new Set(contact.tags)];
    state = {
      merge: { contactId: contact.id, name: contact.name, patch: {}, notes: [], touch: null, keepwarm: { dated: [], touches: [], reminders: [] } },
      tags,
      tagSet: new Set(tags),
      notes: new Set(contact.notes),
      touches: new Set(contact.touches ?? []),
      reminders: new Set(contact.reminders ?? []),
    };
    merges.set(contact.id, state);
  }
  return state;
}

export function mergeInto(merges: Map<number, MergeState>, contact: ExistingContact, record: ImportRecord): void {
  const state = mergeStateOf(merges, contact);
  const { merge } = state;
  const { patch } = merge;
  const email = record.emails[0];
  if (!contact.email && !patch.email && email) patch.email = email;
  const phone = record.phones[0];
  if (!contact.phone && !patch.phone && phone) patch.phone = phone;
  if (!contact.company && !patch.company && record.company) patch.company = record.company;
  if (!contact.role && !patch.role && record.role) patch.role = record.role;
  if (!contact.place && !patch.place && record.place) patch.place = record.place;
  if (!contact.birthday && !patch.birthday && record.birthday) patch.birthday = record.birthday;
  if (!contact.address && !patch.address && record.address) patch.address = record.address;
  if (!contact.salutation && !patch.salutation && record.salutation) patch.salutation = record.salutation;
  if (!contact.academicTitle && !patch.academicTitle && record.academicTitle) patch.academicTitle = record.academicTitle;
  appendNew(state.tags, state.tagSet, record.tags);
  if (state.tags.length > contact.tags.length) patch.tags = state.tags;
  appendNew(merge.notes, state.notes, record.notes);
  const last = merge.touch ?? contact.lastTouchOn;
  if (record.lastContactOn && (last === null || record.lastContactOn > last)) merge.touch = record.lastContactOn;
  if (record.keepwarm) {
    for (const note of record.keepwarm.dated) if (!state.notes.has(note.text)) merge.keepwarm.dated.push(note);
    for (const t of record.keepwarm.touches) if (!state.touches.has(touchKey(t))) merge.keepwarm.touches.push(t);
    for (const r of record.keepwarm.reminders) if (!state.reminders.has(reminderKey(r))) merge.keepwarm.reminders.push(r);
  }
}
