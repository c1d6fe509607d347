/** Logging contact and planning the next: done, no answer, skip, snooze, remind — for one person or several (the touch handler is in answers.ts). */
import type { Command } from '../../commands/command.ts';
import { encodeAction } from '../../commands/actions.ts';
import { nextDueOn } from '../../core/cadence.ts';
import type { ContactFacts } from '../../core/contact.ts';
import { addDays } from '../../core/dates.ts';
import { isNudgedTier, RETRY_AFTER_ATTEMPT_DAYS } from '../../core/method.ts';
import type { EntryDetail } from '../../core/nudge-model.ts';
import type { TouchKind } from '../../core/types.ts';
import { completeReminder, insertReminder, openRemindersOf, type Reminder } from '../../store/activity.ts';
import { updateContact, type Contact } from '../../store/contacts.ts';
import { encodeLabel } from '../../store/undo-label.ts';
import type { Ctx, Handler } from '../context.ts';
import { markEntry, nudgeDayFrom, type EntryRef } from '../entries.ts';
import type { Reply } from '../../port.ts';
import { contactsOf, joinedNames, resolvePeople } from '../people.ts';
import { refineSplit } from '../refine.ts';
import { change, within } from './undoable.ts';
import { logTouch } from './log-touch.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/** A touch asks about the person's open reminders due within this many days ("also mark it as done?"). */
const ASK_ABOUT_REMINDERS_WITHIN_DAYS = 7;

/** What an answer says, and the questions it leaves (they keep their buttons even when the nudge is edited in place). */
export interface AnswerReplies {
  confirmation: Reply[];
  questions: Reply[];
}

/** The mark of a "done": the next step of the follow-up track, else the next due date of the cadence. */
function doneDetail(after: ContactFacts, ctx: Ctx): EntryDetail {
  if (after.followUp) return { nextStage: after.followUp.stage, nextDue: after.followUp.due };
  const due = nextDueOn(after, ctx.user.cadences);
  return due ? { nextDue: due } : {};
}

/** "Also mark the reminder … as done?" — one question with its buttons per open reminder. */
function reminderQuestions(ctx: Ctx, reminders: Reminder[]): Reply[] {
  return reminders.slice(0, 3).map((r) => ({
    text: [ctx.t.reminderQuestion(r.text, r.due, ctx.today)],
    buttons: [[
      { label: ctx.t.reminderDoneButton(), action: encodeAction({ kind: 'reminder', reminderId: r.id, choice: 'done' }), style: 'primary' as const },
      { label: ctx.t.reminderKeepButton(), action: encodeAction({ kind: 'reminder', reminderId: r.id, choice: 'keep' }) },
    ]],
  }));
}

/**
 * Logs a real touch with a contact and says what it changed. Answering a
 * nudge's reminder entry ("done" on it) closes that reminder; any other touch
 * leaves the person's reminders open and asks about them instead.
 */
export async function touchContact(
  ctx: Ctx,
  contact: Contact,
  on: string,
  kind: TouchKind,
  note: string | null,
  entry?: EntryRef,
  options: { answersReminder?: boolean } = {},
): Promise<AnswerReplies> {
  const outcome = await change(ctx, { key: 'touch', name: contact.name }, async (ch) => {
    const logged = await logTouch(ch, contact, on, kind, note, ctx.workdays);
    let closed: Reminder | undefined;
    if (options.answersReminder && entry?.reason === 'reminder') {
      const [oldest] = await openRemindersOf(ch.tx, ctx.user.id, contact.id, ctx.today);
      if (oldest) closed = await completeReminder(ch, oldest.id);
    }
    await markEntry(ch, entry, 'done', doneDetail(logged.after, ctx));
    return { ...logged, closed };
  });
  const open = await openRemindersOf(ctx.db, ctx.user.id, contact.id, addDays(ctx.today, ASK_ABOUT_REMINDERS_WITHIN_DAYS));
  const completed = outcome.completedFollowUp;
  return {
    confirmation: [
      {
        text: [
          ctx.t.touchLogged({ name: contact.name, kind, on, note, today: ctx.today }),
          ...(completed ? [ctx.t.followUpDone(completed.stage, outcome.after.followUp, ctx.today)] : []),
          ...(outcome.closed ? [ctx.t.reminderClosed(outcome.closed.text)] : []),
          ctx.t.nextDue({ ...contact, ...outcome.after }, ctx.user.cadences, ctx.today),
        ],
      },
    ],
    questions: reminderQuestions(ctx, open),
  };
}

/**
 * Tried, did not reach them: logged, cadence untouched, and a promise — the
 * nudge names them again on the first nudge day three days on.
 */
export async function attemptContact(ctx: Ctx, contact: Contact, note: string | null, entry?: EntryRef): Promise<AnswerReplies> {
  const back = nudgeDayFrom(ctx, addDays(ctx.today, RETRY_AFTER_ATTEMPT_DAYS));
  await change(ctx, { key: 'attempt', name: contact.name }, async (ch) => {
    await logTouch(ch, contact, ctx.today, 'attempt', note, ctx.workdays);
    await updateContact(ch, contact.id, { snoozedUntil: back, backOn: back });
    await markEntry(ch, entry, 'attempt', { until: back });
  });
  return { confirmation: [{ text: [ctx.t.attemptLogged(contact.name, back, ctx.today)] }], questions: [] };
}

/**
 * Snooze: left out until the first nudge day on or after `until`. When the
 * person will be due by then, that is a promise: the nudge of that day names them.
 */
export async function snoozeContact(ctx: Ctx, contact: Contact, until: string, entry?: EntryRef): Promise<AnswerReplies> {
  const back = nudgeDayFrom(ctx, until);
  const due = nextDueOn(contact, ctx.user.cadences);
  const promised = isNudgedTier(contact.tier) && due !== null && due <= back;
  await change(ctx, { key: 'snooze', name: contact.name }, async (ch) => {
    await updateContact(ch, contact.id, { snoozedUntil: back, backOn: promised ? back : null });
    await markEntry(ch, entry, 'snoozed', { until: back });
  });
  return { confirmation: [{ text: [ctx.t.snoozed(contact.name, back, ctx.today, promised)] }], questions: [] };
}

/** Skip: not today. The contact is left out until the next nudge day. */
export async function skipContact(ctx: Ctx, contact: Contact, entry?: EntryRef): Promise<AnswerReplies> {
  const back = nudgeDayFrom(ctx, addDays(ctx.today, 1));
  await change(ctx, { key: 'skip', name: contact.name }, async (ch) => {
    await updateContact(ch, contact.id, { snoozedUntil: back });
    await markEntry(ch, entry, 'skipped', { until: back });
  });
  return { confirmation: [{ text: [ctx.t.skipped(contact.name)] }], questions: [] };
}

/** Yes or no to "also mark the reminder … as done?". */
export async function answerReminder(ctx: Ctx, reminderId: number, choice: 'done' | 'keep'): Promise<Reply[]> {
  if (choice === 'keep') return [{ text: [ctx.t.reminderKept()] }];
  const closed = await change(ctx, { key: 'reminderDone' }, (ch) => completeReminder(ch, reminderId));
  return [{ text: [closed ? ctx.t.reminderClosed(closed.text) : ctx.t.reminderGone()] }];
}

/**
 * Replies about several people as one message: every line of each, in order;
 * edits of a nudge once each, the last drawing; questions keep their buttons.
 */
export function combined(replies: Reply[]): Reply[] {
  const edits = new Map<string, Reply>();
  const lines: Reply['text'] = [];
  const questions: Reply[] = [];
  for (const reply of replies) {
    if (reply.editMessageId !== undefined) edits.set(reply.editMessageId, reply);
    else if (reply.buttons !== undefined) questions.push(reply);
    else lines.push(...reply.text);
  }
  return [...(lines.length > 0 ? [{ text: lines }] : []), ...edits.values(), ...questions];
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
