/** Looking at the network: /today, /overdue, /show, /find, /list, /stats. */
import type { Command } from '../../commands/command.ts';
import { rankAgenda, type AgendaItem } from '../../core/agenda.ts';
import { addDays } from '../../core/dates.ts';
import { nextUp } from '../../core/next-up.ts';
import { overdueByTier } from '../../core/overdue.ts';
import { computeStats } from '../../core/stats.ts';
import { startOfIsoWeek } from '../../core/dates.ts';
import { STATS_WEEKS } from '../../core/method.ts';
import { TIERS } from '../../core/types.ts';
import { contactHistory, latestNotes, openReminders, touchesSince } from '../../store/activity.ts';
import { listContacts, searchContacts, type Contact } from '../../store/contacts.ts';
import { encodeAction } from '../actions.ts';
import type { Ctx, Handler } from '../context.ts';
import type { Button, Line, Reply } from '../port.ts';
import { resolveContact } from '../resolve.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/** Most people anyone is asked to call at once ("call 3 people now"). */
export const MAX_PICKS = 3;

/** The Done / Snooze / Skip buttons under one person of a nudge or /today. */
export function answerButtons(ctx: Ctx, contact: Pick<Contact, 'id' | 'name'>): Button[][] {
  const { t } = ctx;
  return [
    [
      { label: t.doneButton(contact.name), action: encodeAction({ kind: 'done', contactId: contact.id }), style: 'primary' },
      { label: t.noAnswerButton(), action: encodeAction({ kind: 'noanswer', contactId: contact.id }) },
      { label: t.skipButton(), action: encodeAction({ kind: 'skip', contactId: contact.id }) },
    ],
    [3, 7, 14].map((days) => ({ label: t.snoozeButton(days), action: encodeAction({ kind: 'snooze', contactId: contact.id, days }) })),
  ];
}

/** The lines describing one person to contact: why, how long, where met, what to talk about. */
export function agendaLines(ctx: Ctx, item: AgendaItem, index: number, note: string | undefined): Line[] {
  const { t } = ctx;
  return [
    t.agendaHead(index, item.contact, item.reason, item.daysSinceContact, ctx.today),
    ...(item.reason === 'reminder' && item.reminder ? [t.agendaReminder(item.reminder.text, item.reminder.due, ctx.today)] : []),
    ...(item.contact.place ? [t.agendaPlace(item.contact.place, item.contact.metOn, ctx.today)] : []),
    ...(note ? [t.agendaNote(note)] : []),
    ...(item.lost ? [t.lostWarning(item.daysSinceContact)] : []),
  ];
}

export async function loadAgenda(ctx: Ctx): Promise<{ contacts: Contact[]; items: AgendaItem[] }> {
  const [contacts, reminders] = await Promise.all([listContacts(ctx.db, ctx.user.id), openReminders(ctx.db, ctx.user.id)]);
  return { contacts, items: rankAgenda(contacts, reminders, ctx.user.cadences, ctx.today) };
}

export const today: Handler<Of<'today'>> = async (ctx, command) => {
  const { t } = ctx;
  const count = Math.min(command.count ?? ctx.user.nudgeCount, MAX_PICKS);
  const { contacts, items } = await loadAgenda(ctx);
  const picks = items.slice(0, count);
  if (picks.length === 0) {
    const upcoming = nextUp(contacts, ctx.user.cadences, ctx.today, { limit: 3 });
    return [{ text: [t.nobodyDue(), ...upcoming.map((u) => t.upcoming(u.contact.name, u.on, u.inDays, ctx.today))] }];
  }
  const notes = await latestNotes(ctx.db, ctx.user.id, picks.map((p) => p.contact.id));
  const replies: Reply[] = [{ text: [t.todayHead(picks.length, items.length)] }];
  picks.forEach((item, index) => {
    replies.push({ text: agendaLines(ctx, item, index + 1, notes.get(item.contact.id)), buttons: answerButtons(ctx, item.contact) });
  });
  return replies;
};

export const overdue: Handler<Of<'overdue'>> = async (ctx) => {
  const { t } = ctx;
  const { contacts, items } = await loadAgenda(ctx);
  const lines: Line[] = [];
  const followUps = items.filter((i) => i.reason === 'followup');
  const reminders = items.filter((i) => i.reason === 'reminder');
  if (followUps.length > 0) {
    lines.push(t.overdueFollowUps(followUps.length));
    for (const item of followUps) lines.push(t.followUpEntry(item.contact, item.followUp?.stage ?? 'first', ctx.today));
  }
  if (reminders.length > 0) {
    lines.push(t.overdueReminders(reminders.length));
    for (const item of reminders) lines.push(t.reminderEntry(item.contact.name, item.reminder?.text ?? null, item.reminder?.due ?? ctx.today, ctx.today));
  }
  const entries = overdueByTier(contacts, ctx.user.cadences, ctx.today);
  for (const tier of ['A', 'B'] as const) {
    const ofTier = entries.filter((e) => e.contact.tier === tier);
    if (ofTier.length === 0) continue;
    lines.push(t.overdueTierHead(tier, ofTier.length));
    for (const e of ofTier) lines.push(t.overdueEntry(e.contact.name, e.daysSinceContact, e.overdueDays, e.lost));
  }
  if (lines.length === 0) {
    const upcoming = nextUp(contacts, ctx.user.cadences, ctx.today, { limit: 3 });
    return [{ text: [t.nobodyOverdue(), ...upcoming.map((u) => t.upcoming(u.contact.name, u.on, u.inDays, ctx.today))] }];
  }
  return [{ text: lines }];
};

export const show: Handler<Of<'show'>> = async (ctx, command, resolved) => {
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  const { contact } = found;
  const { touches, notes, reminders } = await contactHistory(ctx.db, ctx.user.id, contact.id);
  return [{ text: ctx.t.contactCard(contact, { touches, notes, reminders }, ctx.user.cadences, ctx.today) }];
};

export const find: Handler<Of<'find'>> = async (ctx, command) => {
  const found = await searchContacts(ctx.db, ctx.user.id, command.query);
  if (found.length === 0) return [{ text: [ctx.t.foundNone(command.query)] }];
  return [{ text: [ctx.t.foundHead(command.query, found.length), ...found.map((c) => ctx.t.contactListEntry(c, ctx.today))] }];
};

export const list: Handler<Of<'list'>> = async (ctx, command) => {
  const contacts = (await listContacts(ctx.db, ctx.user.id)).filter((c) => c.status === 'active');
  const tiers = command.tier ? [command.tier] : TIERS;
  const lines: Line[] = [];
  for (const tier of tiers) {
    const ofTier = contacts.filter((c) => c.tier === tier).sort((a, b) => a.name.localeCompare(b.name));
    if (ofTier.length === 0) continue;
    lines.push(ctx.t.listTierHead(tier, ofTier.length));
    for (const c of ofTier) lines.push(ctx.t.contactListEntry(c, ctx.today));
  }
  if (lines.length === 0) return [{ text: [command.tier ? ctx.t.listEmptyTier(command.tier) : ctx.t.listEmpty()] }];
  return [{ text: lines }];
};

export const stats: Handler<Of<'stats'>> = async (ctx) => {
  const since = addDays(startOfIsoWeek(ctx.today), -7 * (STATS_WEEKS - 1));
  const [contacts, touches] = await Promise.all([listContacts(ctx.db, ctx.user.id), touchesSince(ctx.db, ctx.user.id, since)]);
  return [{ text: ctx.t.stats(computeStats(contacts, touches, ctx.user.cadences, ctx.today), ctx.today) }];
};
