/**
 * Dated hooks and news in the nudge: a hook due this week (or news of the
 * last few days) joins the day's inputs as a reminder, so the agenda ranks
 * it with the others and the nudge shows the note as what to talk about.
 */
import type { Kysely, Transaction } from 'kysely';
import { dueHookReminders } from '../core/hooks.ts';
import type { LocalDate } from '../core/types.ts';
import { FACT_COLUMNS, toFacts } from '../store/contacts.ts';
import { hookNotes } from '../store/hooks.ts';
import type { NudgeInputs } from '../store/nudge-inputs.ts';
import type { DB } from '../store/schema.ts';

export async function addDueHooks(db: Kysely<DB> | Transaction<DB>, inputs: Map<number, NudgeInputs>, today: LocalDate): Promise<void> {
  const userIds = [...inputs.keys()];
  if (userIds.length === 0) return;
  const notes = await hookNotes(db, userIds, today);
  const wanted: number[] = [];
  for (const [userId, hooks] of notes) {
    const input = inputs.get(userId);
    if (!input) continue;
    const reminders = dueHookReminders(hooks, today);
    input.reminders.push(...reminders);
    const known = new Set(input.contacts.map((c) => c.id));
    for (const reminder of reminders) if (!known.has(reminder.contactId)) wanted.push(reminder.contactId);
  }
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db.selectFrom('contacts').select(FACT_COLUMNS).where('id', 'in', wanted.slice(i, i + 500)).where('user_id', 'in', userIds).execute();
    for (const row of rows) {
      const input = inputs.get(row.user_id);
      if (input && !input.contacts.some((c) => c.id === row.id)) input.contacts.push(toFacts(row));
    }
  }
}
