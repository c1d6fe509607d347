/** Logging contact and planning the next: touch, done, no answer, skip, snooze, remind — for one person or several. */
import type { Command } from '../../commands/command.ts';
import { topicWithout } from '../../commands/name-note.ts';
import { addDays } from '../../core/dates.ts';
import type { TouchKind } from '../../core/types.ts';
import { insertReminder } from '../../store/activity.ts';
import { updateContact, type Contact } from '../../store/contacts.ts';
import { encodeLabel } from '../../store/undo-label.ts';
import type { Ctx, Handler } from '../context.ts';
import type { Reply } from '../../port.ts';
import { contactsOf, joinedNames, resolvePeople } from '../people.ts';
import { refineSplit } from '../refine.ts';
import { change, within } from './undoable.ts';
import { logTouch } from './log-touch.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/** "No answer": the person comes back after this many days, without resetting the cadence. */
const RETRY_AFTER_ATTEMPT_DAYS = 3;

/** Logs a real touch with a contact and says what it changed. */
export async function touchContact(ctx: Ctx, contact: Contact, on: string, kind: TouchKind, note: string | null): Promise<Reply[]> {
  const outcome = await change(ctx, { key: 'touch', name: contact.name }, (ch) => logTouch(ch, contact, on, kind, note, ctx.today));
  return [
    {
      text: [
        ctx.t.touchLogged({ name: contact.name, kind, on, note, today: ctx.today }),
        ...(outcome.completedFollowUp ? [ctx.t.followUpDone(outcome.completedFollowUp.stage)] : []),
        ctx.t.nextDue({ ...contact, ...outcome.after }, ctx.user.cadences, ctx.today),
      ],
    },
  ];
}

/** Tried, did not reach them: logged, cadence untouched, back in a few days. */
export async function attemptContact(ctx: Ctx, contact: Contact, note: string | null): Promise<Reply[]> {
  const back = addDays(ctx.today, RETRY_AFTER_ATTEMPT_DAYS);
  await change(ctx, { key: 'attempt', name: contact.name }, async (ch) => {
    await logTouch(ch, contact, ctx.today, 'attempt', note, ctx.today);
    await updateContact(ch, contact.id, { snoozedUntil: back });
  });
  return [{ text: [ctx.t.attemptLogged(contact.name, back, ctx.today)] }];
}

export async function snoozeContact(ctx: Ctx, contact: Contact, until: string): Promise<Reply[]> {
  await change(ctx, { key: 'snooze', name: contact.name }, (ch) => updateContact(ch, contact.id, { snoozedUntil: until }));
  return [{ text: [ctx.t.snoozed(contact.name, until, ctx.today)] }];
}

/** Skip: not today. The contact is left out until tomorrow. */
export async function skipContact(ctx: Ctx, contact: Contact): Promise<Reply[]> {
  await change(ctx, { key: 'skip', name: contact.name }, (ch) => updateContact(ch, contact.id, { snoozedUntil: addDays(ctx.today, 1) }));
  return [{ text: [ctx.t.skipped(contact.name)] }];
}

/** Replies about several people as one message: every line of each, in order; edits of a nudge once, last. */
export function combined(replies: Reply[]): Reply[] {
  const edits = new Map<string, Reply>();
  const lines: Reply['text'] = [];
  for (const reply of replies) {
    if (reply.editMessageId !== undefined) edits.set(reply.editMessageId, reply);
    else lines.push(...reply.text);
  }
  return [...(lines.length > 0 ? [{ text: lines }] : []), ...edits.values()];
}

/**
 * The name and note of a command whose split was guessed, settled against
 * the network ("anna schmidt ist jetzt CFO": Anna Schmidt, "ist jetzt CFO").
 */
export async function refined<C extends { name: string; note?: string; loose?: true }>(ctx: Ctx, command: C): Promise<C> {
  if (!command.loose || command.note === undefined || 'names' in command || typeof command.name !== 'string' || command.name === '') return command;
  const split = await refineSplit(ctx, { name: command.name, rest: command.note }, true);
  return { ...command, name: split.name, note: split.rest };
}

export const touch: Handler<Of<'touch'>> = async (ctx, typed, resolved) => {
  const command = await refined(ctx, typed);
  const found = await resolvePeople(ctx, command, resolved);
  if ('replies' in found) return found.replies;
  const replies = await change(ctx, null, async (ch) => {
    const inner = within(ctx, ch);
    const contacts = await contactsOf(inner, found.people);
    ch.label ??= encodeLabel({ key: 'touch', name: joinedNames(contacts) });
    const all: Reply[] = [];
    for (const contact of contacts) {
      all.push(...(await touchContact(inner, contact, command.date, command.kind, topicWithout(command.note, contact.name) ?? null)));
    }
    return all;
  });
  return combined(replies);
};

export const remind: Handler<Of<'remind'>> = async (ctx, command, resolved) => {
  const found = await resolvePeople(ctx, command, resolved);
  if ('replies' in found) return found.replies;
  const replies = await change(ctx, null, async (ch) => {
    const inner = within(ctx, ch);
    const contacts = await contactsOf(inner, found.people);
    ch.label ??= encodeLabel({ key: 'remind', name: joinedNames(contacts) });
    const all: Reply[] = [];
    for (const contact of contacts) {
      await insertReminder(ch, contact.id, command.date, command.note ?? null);
      all.push({ text: [ctx.t.reminderSet(contact.name, command.date, command.note, ctx.today)] });
    }
    return all;
  });
  return combined(replies);
};
