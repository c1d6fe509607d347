/** Looking at the network: /today, /overdue, /show, /find, /list, /stats. */
import type { Command } from '../../commands/command.ts';
import { rankAgenda, type AgendaItem } from '../../core/agenda.ts';
import { addDays } from '../../core/dates.ts';
import { nextUp } from '../../core/next-up.ts';
import { overdueByTier } from '../../core/overdue.ts';
import { computeStats } from '../../core/stats.ts';
import { startOfIsoWeek } from '../../core/dates.ts';
import { STATS_WEEKS } from '../../core/method.ts';
import { CHART_WEEKS, statsChartData } from '../../chart/data.ts';
import { TIERS } from '../../core/types.ts';
import { contactHistory, openReminders, touchesSince } from '../../store/activity.ts';
import { saveShownList } from '../../store/nudges.ts';
import { composeNudges } from '../../nudge/compose.ts';
import { renderNudge } from '../../nudge/render.ts';
import { listContacts, searchContacts, type Contact } from '../../store/contacts.ts';
import type { Ctx, Handler } from '../context.ts';
import type { Line } from '../../port.ts';
import { resolveContact } from '../resolve.ts';
import { occasionLines } from './occasions.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/** Most people anyone is asked to call at once ("call 3 people now"). */
const MAX_PICKS = 3;

async function loadAgenda(ctx: Ctx): Promise<{ contacts: Contact[]; items: AgendaItem[] }> {
  const [contacts, reminders] = await Promise.all([listContacts(ctx.db, ctx.user.id), openReminders(ctx.db, ctx.user.id)]);
  return { contacts, items: rankAgenda(contacts, reminders, ctx.user.cadences, ctx.today) };
}

/**
 * /today: the same choice as the morning nudge, on demand (up to 3 calls),
 * kept like a nudge so a bare "done" afterwards knows whom it means.
 */
export const today: Handler<Of<'today'>> = async (ctx, command) => {
  const { t } = ctx;
  const count = Math.min(command.count ?? ctx.user.nudgeCount, MAX_PICKS);
  const composed = (await composeNudges(ctx.db, [ctx.user], ctx.today, 'today', () => count)).get(ctx.user.id);
  if (!composed || composed.model.entries.length === 0) {
    const contacts = await listContacts(ctx.db, ctx.user.id);
    const upcoming = nextUp(contacts, ctx.user.cadences, ctx.today, { limit: 3 });
    return [{ text: [t.nobodyDue(), ...upcoming.map((u) => t.upcoming(u.contact.name, u.on, u.inDays, ctx.today))] }];
  }
  const entries = composed.model.entries.map((e) => ({ contactId: e.contactId, reason: e.reason }));
  const nudgeId = await saveShownList(ctx.db, ctx.user.id, composed.model, entries, ctx.now.toISOString());
  return [renderNudge(composed.model, new Map(), t, ctx.today, nudgeId)];
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
  const [head, ...rest] = ctx.t.contactCard(contact, { touches, notes, reminders }, ctx.user.cadences, ctx.today);
  return [{ text: [...(head ? [head] : []), ...occasionLines(ctx, contact), ...rest] }];
};

export const find: Handler<Of<'find'>> = async (ctx, command) => {
  // "/find #fintech": the tag itself, not every note that mentions the word.
  const found =
    command.tag !== undefined
      ? (await listContacts(ctx.db, ctx.user.id)).filter((c) => c.tags.some((t) => t.toLowerCase() === command.tag?.toLowerCase()))
      : await searchContacts(ctx.db, ctx.user.id, command.query);
  if (found.length === 0) return [{ text: [ctx.t.foundNone(command.query)] }];
  return [{ text: [ctx.t.foundHead(command.query, found.length), ...found.map((c) => ctx.t.contactListEntry(c, ctx.today))] }];
};

export const list: Handler<Of<'list'>> = async (ctx, command) => {
  const contacts = (await listContacts(ctx.db, ctx.user.id)).filter((c) => c.status === 'active');
  const tiers = command.tiers ?? (command.tier ? [command.tier] : TIERS);
  const lines: Line[] = [];
  for (const tier of tiers) {
    const ofTier = contacts.filter((c) => c.tier === tier).sort((a, b) => a.name.localeCompare(b.name));
    if (ofTier.length === 0) continue;
    lines.push(ctx.t.listTierHead(tier, ofTier.length));
    for (const c of ofTier) lines.push(ctx.t.contactListEntry(c, ctx.today));
  }
  if (lines.length === 0) return [{ text: [command.tier ? ctx.t.listEmptyTier(command.tier) : command.tiers ? ctx.t.listEmptyTier(command.tiers.join(', ')) : ctx.t.listEmpty()] }];
  return [{ text: lines }];
};

/** /stats: the figures as text, and the last 12 weeks as a picture (src/chart) attached to the same reply. */
export const stats: Handler<Of<'stats'>> = async (ctx) => {
  const weeks = Math.max(STATS_WEEKS, CHART_WEEKS);
  const since = addDays(startOfIsoWeek(ctx.today), -7 * (weeks - 1));
  const [contacts, touches] = await Promise.all([listContacts(ctx.db, ctx.user.id), touchesSince(ctx.db, ctx.user.id, since)]);
  const text = ctx.t.stats(computeStats(contacts, touches, ctx.user.cadences, ctx.today), ctx.today);
  const chart = statsChartData(computeStats(contacts, touches, ctx.user.cadences, ctx.today, CHART_WEEKS));
  // Loaded on the first picture: ECharts takes a moment to load and most processes never draw.
  const { statsChartPng } = await import('../../chart/render.ts');
  const png = await statsChartPng(chart, ctx.t.statsChartTexts());
  return [{ text, file: { name: `keepwarm-stats-${ctx.today}.png`, mimeType: 'image/png', content: png } }];
};
