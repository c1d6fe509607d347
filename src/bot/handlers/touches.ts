/** Logging contact and planning the next: touch, done, no answer, skip, snooze, remind. */
import type { Command } from '../../commands/command.ts';
import { addDays } from '../../core/dates.ts';
import type { TouchKind } from '../../core/types.ts';
import { insertReminder } from '../../store/activity.ts';
import { updateContact, type Contact } from '../../store/contacts.ts';
import type { Ctx, Handler } from '../context.ts';
import type { Reply } from '../../port.ts';
import { resolveContact } from '../resolve.ts';
import { change } from './undoable.ts';
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

export const touch: Handler<Of<'touch'>> = async (ctx, command, resolved) => {
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  return touchContact(ctx, found.contact, command.date, command.kind, command.note ?? null);
};

export const remind: Handler<Of<'remind'>> = async (ctx, command, resolved) => {
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  const { contact } = found;
  await change(ctx, { key: 'remind', name: contact.name }, (ch) => insertReminder(ch, contact.id, command.date, command.note ?? null));
  return [{ text: [ctx.t.reminderSet(contact.name, command.date, command.note, ctx.today)] }];
};
