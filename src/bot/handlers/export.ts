/** /export: the user's data as a file (json, csv, vcf, ics); also `keepwarm export`. */
import type { Kysely } from 'kysely';
import type { Command, ExportFormat } from '../../commands/command.ts';
import type { LocalDate, Tier } from '../../core/types.ts';
import { selectContacts, toCsv } from '../../export/csv.ts';
import { toIcs } from '../../export/ics.ts';
import { toVcf } from '../../export/vcf.ts';
import { exportUserData } from '../../store/export.ts';
import type { DB } from '../../store/schema.ts';
import type { Messages } from '../../i18n/messages.ts';
import type { Handler } from '../context.ts';
import type { ReplyFile } from '../../port.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/** An export as a file, and how many contacts (or calendar entries) it holds. */
export interface ExportedFile {
  file: ReplyFile;
  count: number;
}

/**
 * Builds an export of the user's data: json (everything, re-importable), csv
 * and vcf (contacts; filtered by tier when tiers are given), ics (calendar).
 */
export async function exportFile(
  db: Kysely<DB>,
  userId: number,
  options: { format: ExportFormat; tiers: Tier[]; now: Date; today: LocalDate; t: Messages },
): Promise<ExportedFile> {
  const { format, tiers, t, today } = options;
  const data = await exportUserData(db, userId);
  const name = `keepwarm-${today}${tiers.length ? `-${tiers.join('')}` : ''}`;
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  switch (format) {
    case 'json':
      return {
        file: { name: `keepwarm-${today}.json`, mimeType: 'application/json', content: utf8(JSON.stringify(data, null, 2) + '\n') },
        count: data.contacts.length,
      };
    case 'csv':
      return { file: { name: `${name}.csv`, mimeType: 'text/csv', content: utf8(toCsv(data, tiers)) }, count: selectContacts(data.contacts, tiers).length };
    case 'vcf':
      return { file: { name: `${name}.vcf`, mimeType: 'text/vcard', content: utf8(toVcf(data, { userId, tiers })) }, count: selectContacts(data.contacts, tiers).length };
    case 'ics': {
      const text = toIcs(data, {
        userId,
        today,
        now: options.now,
        tiers,
        texts: { calendarName: t.icsCalendarName(), due: t.icsDue, reminder: t.icsReminder, birthday: t.icsBirthday, details: t.icsDetails },
      });
      const events = text.split('\r\n').filter((line) => line === 'BEGIN:VEVENT').length;
      return { file: { name: `${name}.ics`, mimeType: 'text/calendar', content: utf8(text) }, count: events };
    }
  }
}

export const exportData: Handler<Of<'export'>> = async (ctx, command) => {
  const { file, count } = await exportFile(ctx.db, ctx.user.id, { format: command.format, tiers: command.tiers, now: ctx.now, today: ctx.today, t: ctx.t });
  const text = command.format === 'ics' ? ctx.t.exportCalendar(count) : ctx.t.exportFile(count, command.format, command.format === 'json' ? [] : command.tiers);
  return [{ text: [text], file }];
};
