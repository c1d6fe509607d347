/** English replies of import and export (spread into en.ts). */
import type { Tier } from '../core/types.ts';
import type { ImportIssue, ImportRefusal, ImportSource } from '../import/record.ts';
import type { ImportSummary } from '../import/summary.ts';
import type { CreatedContact, ImportOutcome } from '../store/import.ts';
import type { Line, RichText } from '../port.ts';
import { b, code, i, l, line } from '../rich.ts';

const SOURCE: Record<ImportSource, string> = {
  vcard: 'vCard file',
  linkedin: 'LinkedIn export',
  xing: 'XING export',
  csv: 'CSV file',
  keepwarm: 'keepwarm export',
};

const KINDS = 'vCard (.vcf), CSV with a header row (.csv), or keepwarm’s own JSON export';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

function refused(r: ImportRefusal, fileName: string): RichText {
  const name = b(fileName || 'The file');
  const p = r.params;
  const nothing = l`Nothing was imported.`;
  switch (r.refused) {
    case 'empty':
      return [l`${name} is empty.`, nothing];
    case 'too_large':
      return [l`${name} is ${megabytes(Number(p.size))} — I read files up to ${megabytes(Number(p.max))}. Export without photos, or in parts.`, nothing];
    case 'binary':
      return [l`${name} is not a text file I can read. I import ${KINDS}.`, nothing];
    case 'zip':
      return [l`${name} is a ZIP archive. Unpack it and send the file inside — for LinkedIn that is ${code('Connections.csv')}; a spreadsheet, save as CSV.`, nothing];
    case 'unknown_type':
      return [l`I don't know what kind of file ${name} is. I import ${KINDS}.`, nothing];
    case 'too_many_rows':
      return [l`That file has more than ${count(Number(p.max), 'contact', 'contacts')} — more than I import at once. Split it into smaller files.`, nothing];
    case 'broken_quoting':
      return [l`The CSV file breaks at line ${String(p.line)}: a quote (") opened there never closes properly.`, l`Nothing was imported; fix that line and send the file again.`];
    case 'too_many_columns':
      return [l`The header row of ${name} names ${Number(p.count).toLocaleString('en')} columns — I read files of up to ${Number(p.max).toLocaleString('en')}.`, nothing];
    case 'row_too_long':
      return [l`Line ${String(p.line)} of ${name} is longer than ${String(p.max)} KB — no row of contacts is that long. Check that the file is a list of contacts, one per line.`, nothing];
    case 'no_header':
      return [l`I could not find the header row of ${name}: one of the first lines should name the columns, e.g. ${code('Name,Email,Company')}.`, nothing];
    case 'no_cards':
      return [l`${name} holds no vCard (no ${code('BEGIN:VCARD')} line).`, nothing];
    case 'bad_json':
      return [l`${name} is not a keepwarm export I can read (${String(p.reason ?? '')}).`, nothing];
    case 'nothing_readable':
      return [l`I found no contacts in ${name}.`, nothing];
  }
}

function issueLine(issue: ImportIssue, source: ImportSource): Line {
  const where = source === 'keepwarm' ? `contact ${issue.line}` : `line ${issue.line}`;
  const d = issue.detail ?? '';
  switch (issue.code) {
    case 'no_name':
      return l`• ${where}: no name and no email address — left out`;
    case 'bad_card':
      return l`• ${where}: the card could not be read${d ? ` (${d})` : ''} — left out`;
    case 'bad_date':
      return l`• ${where}: ${i(d)} is not a date I can read — kept without it`;
    case 'future_date':
      return l`• ${where}: last contact ${d} lies in the future — kept without it`;
    case 'bad_tier':
      return l`• ${where}: ${i(d)} is not a tier (A–D) — kept with tier C`;
    case 'ambiguous':
      return l`• ${where}: ${b(d)} fits several of your contacts — left alone rather than guessed`;
    case 'extra_cells':
      return l`• ${where}: more cells than the header names — the extra ones are ignored`;
    case 'broken_row':
      return l`• ${where}: its quotes (") do not pair up, so I cannot tell its cells apart — left out`;
  }
}

function preview(s: ImportSummary): RichText {
  const lines: RichText = [l`📥 ${SOURCE[s.source]} ${b(s.fileName)}: ${count(s.read, 'contact', 'contacts')} read.`];
  lines.push(l`• ${b(count(s.created, 'new contact', 'new contacts'))}${s.source === 'keepwarm' ? '' : ' — tier C (passive) unless the file says otherwise'}`);
  if (s.merged > 0) lines.push(l`• ${count(s.merged, 'known contact gets', 'known contacts get')} new details (email, phone, company, role, birthday, address, notes, last contact); tiers and notes you have stay as they are`);
  if (s.unchanged > 0) lines.push(l`• ${count(s.unchanged, 'known contact', 'known contacts')} unchanged`);
  if (s.duplicates > 0) lines.push(l`• ${count(s.duplicates, 'entry repeats', 'entries repeat')} another one in the file — merged`);
  if (s.introductions > 0) lines.push(l`• ${count(s.introductions, 'introduction', 'introductions')}`);
  if (s.settings) lines.push(l`• your settings from the file (nudge time, days, cadences, language, time zone)`);
  if (s.issues.length > 0) {
    lines.push(l`${s.skipped > 0 ? `${count(s.skipped, 'entry', 'entries')} left out:` : 'Worth knowing:'}`);
    lines.push(...s.issues.map((issue) => issueLine(issue, s.source)));
    if (s.moreIssues > 0) lines.push(l`…and ${String(s.moreIssues)} more.`);
  }
  return lines;
}

function triageEntry(c: CreatedContact): Line {
  const work = [c.role, c.company].filter(Boolean).join(' at ');
  return line(b(c.name), work ? ` — ${work}` : '');
}

export const enImport = {
  importRefused: refused,
  /** The preview without the question (the command line asks its own). */
  importSummary: preview,
  importPreview: (s: ImportSummary): RichText => [...preview(s), l`Import? Nothing is written until you confirm (or type ${code('yes')}).`],
  importNothingNew: (s: ImportSummary): RichText => [...preview(s), l`Nothing to import: everyone in this file is already in your network as it is.`],
  importButton: (n: number) => (n > 0 ? `📥 Import ${n.toLocaleString('en-GB')}` : '📥 Import'),
  importDone: (o: ImportOutcome): RichText => [
    l`✓ Imported: ${b(count(o.created.length, 'new contact', 'new contacts'))}${o.merged > 0 ? `, ${count(o.merged, 'contact', 'contacts')} updated` : ''}${o.settings ? ', settings restored' : ''}.`,
    l`${code('/undo')} takes the whole import back.`,
  ],
  triageHead: (n: number, total: number): RichText => [
    l`Quick triage: ${n < total ? `the ${n} newest of ${total}` : n === 1 ? 'your new contact' : `your ${n} new contacts`} — tap a tier. They are C (passive) until you do; ${code('/review')} goes through everyone later.`,
  ],
  triageEntry,
  /** The note on the touch made from "Connected On". */
  connectedNote: (source: ImportSource): string | null =>
    source === 'linkedin' ? 'connected on LinkedIn' : source === 'xing' ? 'connected on XING' : null,
  icsCalendarName: () => 'keepwarm',
  icsDue: (name: string, tier: Tier) => `Keep warm: ${name} (${tier})`,
  icsReminder: (name: string, text: string | null) => `Reminder: ${name}${text ? ` — ${text}` : ''}`,
  icsDetails: (c: { company: string | null; role: string | null; place: string | null; lastTouchOn: string | null }) =>
    [[c.role, c.company].filter(Boolean).join(' at '), c.place ? `met at ${c.place}` : '', `last contact: ${c.lastTouchOn ?? 'none yet'}`]
      .filter(Boolean)
      .join('\n'),
  exportFile: (n: number, format: string, tiers: Tier[]) =>
    l`Here is your network as ${format.toUpperCase()}: ${count(n, 'contact', 'contacts')}${tiers.length ? ` of tier ${tiers.join(', ')}` : ''}.`,
  exportCalendar: (events: number) => l`Here is your calendar: ${count(events, 'entry', 'entries')} — next due dates of your A and B contacts, your reminders and birthdays. Open the file with your calendar app.`,
  cliImportPrompt: () => 'Import now? [y/N] ',
  cliNotImported: () => 'Nothing was imported. Run again with --yes, or answer y at the prompt.',
};
