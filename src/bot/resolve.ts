/**
 * From a typed name to one contact, or a question. Names are matched
 * forgivingly (src/core/names.ts); a salutation says which of two Webers is
 * meant ("Frau Weber"); several matches become a question with a button per
 * candidate, a near miss ("Tomas") a "did you mean Thomas Becker?", and an
 * unknown name an offer to add it — never a silent guess.
 */
import type { Command } from '../commands/command.ts';
import { addressed, splitHonorifics, toSalutation } from '../core/honorifics.ts';
import { matchContacts, nearMisses, prepareCandidates } from '../core/names.ts';
import { getContact, getContacts, contactNames, type Contact } from '../store/contacts.ts';
import { encodeAction } from '../commands/actions.ts';
import type { Ctx, Resolved } from './context.ts';
import { ask, type ChoosePayload, type Slot } from './questions.ts';
import { addContactNamed, storedName } from './people.ts';
import type { Button, Reply } from '../port.ts';

export type Resolution = { contact: Contact } | { replies: Reply[] };

/** Intents for which an unknown name is worth offering to add. */
const ADDABLE = new Set<Command['intent']>(['touch', 'done', 'noanswer', 'note', 'remind', 'tier', 'cadence', 'intro', 'snooze', 'detail']);

const MAX_CHOICES = 8;

/** The name a command refers to in a slot. */
export function slotName(command: Command, slot: Slot): string | undefined {
  if (slot === 'other') return command.intent === 'intro' ? command.other : undefined;
  if (typeof slot === 'number') {
    const names = 'names' in command ? command.names : undefined;
    return names?.[slot] ?? (slot === 0 && 'name' in command ? command.name : undefined);
  }
  return 'name' in command ? command.name : undefined;
}

/** The contact already chosen for a slot, if any. */
function chosenFor(resolved: Resolved, slot: Slot): number | undefined {
  return typeof slot === 'number' ? resolved.people?.[String(slot)] : resolved[slot];
}

/** Resolved with the contact chosen for a slot. */
export function withChoice(resolved: Resolved, slot: Slot, contactId: number): Resolved {
  if (typeof slot === 'number') return { ...resolved, people: { ...resolved.people, [String(slot)]: contactId } };
  return { ...resolved, [slot]: contactId };
}

/** Resolved with a name the user agreed to add in a slot. */
export function withAdd(resolved: Resolved, slot: Slot, name: string): Resolved {
  return { ...resolved, adds: { ...resolved.adds, [String(slot)]: name } };
}

export type NameMatch = { kind: 'one'; id: number } | { kind: 'many'; ids: number[] } | { kind: 'near'; ids: number[] } | { kind: 'none' };

/**
 * The contacts a typed name means. Active contacts first; archived ones only
 * when no active one fits. A salutation picks among several ("Frau Weber":
 * the contacts addressed as Frau, or not known to be addressed otherwise).
 */
export async function matchName(ctx: Ctx, typed: string): Promise<NameMatch> {
  const { salutation, rest } = splitHonorifics(typed);
  const query = rest === '' ? typed : rest;
  const candidates = await contactNames(ctx.db, ctx.user.id);
  const active = prepareCandidates(candidates.filter((c) => c.status === 'active'));
  let match = matchContacts(query, active);
  if (match.kind === 'none') match = matchContacts(query, candidates.filter((c) => c.status !== 'active'));
  if (match.kind === 'one') return match;
  if (match.kind === 'many') {
    const ids = salutation === null ? match.ids : bySalutation(match.ids, salutation, candidates);
    const [first] = ids;
    return ids.length === 1 && first !== undefined ? { kind: 'one', id: first } : { kind: 'many', ids };
  }
  const near = nearMisses(query, active);
  return near.length > 0 ? { kind: 'near', ids: near } : { kind: 'none' };
}

function bySalutation(ids: number[], salutation: NonNullable<ReturnType<typeof toSalutation>>, candidates: { id: number; salutation: string | null }[]): number[] {
  const wanted = addressed(salutation);
  const of = (id: number) => toSalutation(candidates.find((c) => c.id === id)?.salutation);
  const said = ids.filter((id) => {
    const s = of(id);
    return s !== null && addressed(s) === wanted;
  });
  if (said.length > 0) return said;
  const open = ids.filter((id) => of(id) === null);
  return open.length > 0 ? open : ids;
}

/**
 * The contact in a slot of a command, or the question that finds it. A name
 * the user agreed to add is created here, inside the message's change.
 */
export async function resolveContact(ctx: Ctx, command: Command, slot: Slot, resolved: Resolved): Promise<Resolution> {
  const chosen = chosenFor(resolved, slot);
  if (chosen !== undefined) {
    const contact = await getContact(ctx.db, ctx.user.id, chosen);
    return contact ? { contact } : { replies: [{ text: [ctx.t.contactGone()] }] };
  }
  const adding = resolved.adds?.[String(slot)];
  if (adding !== undefined) {
    const contact = await addContactNamed(ctx, adding);
    return contact ? { contact } : { replies: [{ text: [ctx.t.contactGone()] }] };
  }
  const name = slotName(command, slot) ?? '';
  const match = await matchName(ctx, name);
  if (match.kind === 'one') {
    const contact = await getContact(ctx.db, ctx.user.id, match.id);
    if (contact) return { contact };
  }
  return { replies: await question(ctx, command, slot, resolved, name, match) };
}

/** The question about a name that did not resolve to one contact. */
export async function question(ctx: Ctx, command: Command, slot: Slot, resolved: Resolved, name: string, match: NameMatch): Promise<Reply[]> {
  const { t } = ctx;
  const payload: ChoosePayload = { command, slot, resolved };
  const addable = ADDABLE.has(command.intent);
  const display = storedName(name).name;
  if (match.kind === 'many') {
    const contacts = (await getContacts(ctx.db, ctx.user.id, match.ids)).sort((a, b) => a.name.localeCompare(b.name));
    const token = await ask(ctx, { kind: 'choose', payload });
    const buttons: Button[][] = contacts.slice(0, MAX_CHOICES).map((c) => [
      { label: t.choiceLabel(c), action: encodeAction({ kind: 'pick', token, contactId: c.id }) },
    ]);
    const more = contacts.length > MAX_CHOICES ? [t.moreMatches(contacts.length - MAX_CHOICES)] : [];
    return [{ text: [t.whichOne(name, contacts.length), ...more], buttons }];
  }
  if (match.kind === 'near') {
    const contacts = await getContacts(ctx.db, ctx.user.id, match.ids);
    const ordered = match.ids.map((id) => contacts.find((c) => c.id === id)).filter((c): c is Contact => c !== undefined);
    const token = await ask(ctx, { kind: 'near', payload: { ...payload, suggestions: ordered.map((c) => c.id) } });
    const buttons: Button[][] = ordered.map((c) => [{ label: c.name, action: encodeAction({ kind: 'pick', token, contactId: c.id }), style: 'primary' }]);
    // A near miss is most likely a typo: the suggestion comes first, a new contact only as the way out.
    buttons.push([
      ...(addable && display !== '' ? [{ label: t.newContactButton(display), action: encodeAction({ kind: 'add', token }) }] : []),
      { label: t.cancelButton(), action: encodeAction({ kind: 'no', token }) },
    ]);
    return [{ text: [t.didYouMean(name, ordered.map((c) => c.name))], buttons }];
  }
  if (addable && display !== '') {
    const token = await ask(ctx, { kind: 'unknown', payload });
    return [
      {
        // The name as it would be stored: "herrn kern" is asked about as Kern.
        text: [t.unknownName(display), t.offerAdd(display)],
        buttons: [[
          { label: t.addButton(display), action: encodeAction({ kind: 'add', token }), style: 'primary' },
          { label: t.cancelButton(), action: encodeAction({ kind: 'no', token }) },
        ]],
      },
    ];
  }
  return [{ text: [t.unknownName(name), t.tryFind()] }];
}
