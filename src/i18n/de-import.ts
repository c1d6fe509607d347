/** Deutsche Antworten zu Import und Export — dieselben Schlüssel wie en-import.ts. */
import type { Tier } from '../core/types.ts';
import type { ImportIssue, ImportRefusal, ImportSource } from '../import/record.ts';
import type { ImportSummary } from '../import/summary.ts';
import type { CreatedContact, ImportOutcome } from '../store/import.ts';
import type { Line, RichText } from '../port.ts';
import { b, code, i, l, line } from '../rich.ts';
import type { enImport } from './en-import.ts';

const SOURCE: Record<ImportSource, string> = {
  vcard: 'vCard-Datei',
  linkedin: 'LinkedIn-Export',
  xing: 'XING-Export',
  csv: 'CSV-Datei',
  keepwarm: 'keepwarm-Export',
};

const KINDS = 'vCard (.vcf), CSV mit Kopfzeile (.csv) oder den JSON-Export von keepwarm';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;
}

function refused(r: ImportRefusal, fileName: string): RichText {
  const name = b(fileName || 'Die Datei');
  const p = r.params;
  const nothing = l`Es wurde nichts importiert.`;
  switch (r.refused) {
    case 'empty':
      return [l`${name} ist leer.`, nothing];
    case 'too_large':
      return [l`${name} ist ${megabytes(Number(p.size))} groß — ich lese Dateien bis ${megabytes(Number(p.max))}. Exportiere ohne Fotos oder in Teilen.`, nothing];
    case 'binary':
      return [l`${name} ist keine Textdatei, die ich lesen kann. Ich importiere ${KINDS}.`, nothing];
    case 'zip':
      return [l`${name} ist ein ZIP-Archiv. Entpacke es und schick mir die Datei darin — bei LinkedIn ist das ${code('Connections.csv')}; eine Tabelle bitte als CSV speichern.`, nothing];
    case 'unknown_type':
      return [l`Ich weiß nicht, was für eine Datei ${name} ist. Ich importiere ${KINDS}.`, nothing];
    case 'too_many_rows':
      return [l`Die Datei hat mehr als ${count(Number(p.max), 'Kontakt', 'Kontakte')} — mehr, als ich auf einmal importiere. Teile sie in kleinere Dateien.`, nothing];
    case 'broken_quoting':
      return [l`Die CSV-Datei bricht in Zeile ${String(p.line)}: Ein dort geöffnetes Anführungszeichen (") wird nicht richtig geschlossen.`, l`Es wurde nichts importiert; korrigiere die Zeile und schick die Datei noch einmal.`];
    case 'too_many_columns':
      return [l`Die Kopfzeile von ${name} nennt ${Number(p.count).toLocaleString('de-DE')} Spalten — ich lese Dateien mit bis zu ${Number(p.max).toLocaleString('de-DE')}.`, nothing];
    case 'row_too_long':
      return [l`Zeile ${String(p.line)} von ${name} ist länger als ${String(p.max)} KB — so lang ist keine Zeile mit Kontakten. Prüf, ob die Datei eine Kontaktliste ist, ein Kontakt pro Zeile.`, nothing];
    case 'no_header':
      return [l`Ich finde die Kopfzeile von ${name} nicht: Eine der ersten Zeilen sollte die Spalten benennen, z. B. ${code('Vorname;Nachname;E-Mail;Firma')}.`, nothing];
    case 'no_cards':
      return [l`${name} enthält keine vCard (keine Zeile ${code('BEGIN:VCARD')}).`, nothing];
    case 'bad_json':
      return [l`${name} ist kein keepwarm-Export, den ich lesen kann (${String(p.reason ?? '')}).`, nothing];
    case 'nothing_readable':
      return [l`Ich finde keine Kontakte in ${name}.`, nothing];
  }
}

function issueLine(issue: ImportIssue, source: ImportSource): Line {
  const where = source === 'keepwarm' ? `Kontakt ${issue.line}` : `Zeile ${issue.line}`;
  const d = issue.detail ?? '';
  switch (issue.code) {
    case 'no_name':
      return l`• ${where}: kein Name und keine E-Mail-Adresse — ausgelassen`;
    case 'bad_card':
      return l`• ${where}: Die Karte ist nicht lesbar${d ? ` (${d})` : ''} — ausgelassen`;
    case 'bad_date':
      return l`• ${where}: ${i(d)} ist kein Datum, das ich lesen kann — ohne übernommen`;
    case 'future_date':
      return l`• ${where}: letzter Kontakt ${d} liegt in der Zukunft — ohne übernommen`;
    case 'bad_tier':
      return l`• ${where}: ${i(d)} ist keine Stufe (A–D) — mit Stufe C übernommen`;
    case 'ambiguous':
      return l`• ${where}: ${b(d)} passt zu mehreren deiner Kontakte — lieber unverändert gelassen als geraten`;
    case 'extra_cells':
      return l`• ${where}: mehr Zellen, als die Kopfzeile benennt — die übrigen werden ignoriert`;
    case 'broken_row':
      return l`• ${where}: Ihre Anführungszeichen (") gehen nicht auf, darum kann ich ihre Zellen nicht trennen — ausgelassen`;
  }
}

function preview(s: ImportSummary): RichText {
  const lines: RichText = [l`📥 ${SOURCE[s.source]} ${b(s.fileName)}: ${count(s.read, 'Kontakt', 'Kontakte')} gelesen.`];
  lines.push(l`• ${b(count(s.created, 'neuer Kontakt', 'neue Kontakte'))}${s.source === 'keepwarm' ? '' : ' — Stufe C (passiv), wenn die Datei nichts anderes sagt'}`);
  if (s.merged > 0) lines.push(l`• ${count(s.merged, 'bekannter Kontakt bekommt', 'bekannte Kontakte bekommen')} neue Angaben (E-Mail, Telefon, Firma, Position, Geburtstag, Adresse, Notizen, letzter Kontakt); deine Stufen und Notizen bleiben, wie sie sind`);
  if (s.unchanged > 0) lines.push(l`• ${count(s.unchanged, 'bekannter Kontakt', 'bekannte Kontakte')} unverändert`);
  if (s.duplicates > 0) lines.push(l`• ${count(s.duplicates, 'Eintrag wiederholt', 'Einträge wiederholen')} einen anderen der Datei — zusammengeführt`);
  if (s.introductions > 0) lines.push(l`• ${count(s.introductions, 'Vorstellung', 'Vorstellungen')}`);
  if (s.settings) lines.push(l`• deine Einstellungen aus der Datei (Uhrzeit, Tage, Rhythmus, Sprache, Zeitzone)`);
  if (s.issues.length > 0) {
    lines.push(l`${s.skipped > 0 ? `${count(s.skipped, 'Eintrag', 'Einträge')} ausgelassen:` : 'Gut zu wissen:'}`);
    lines.push(...s.issues.map((issue) => issueLine(issue, s.source)));
    if (s.moreIssues > 0) lines.push(l`…und ${String(s.moreIssues)} weitere.`);
  }
  return lines;
}

function triageEntry(c: CreatedContact): Line {
  const work = [c.role, c.company].filter(Boolean).join(' bei ');
  return line(b(c.name), work ? ` — ${work}` : '');
}

export const deImport: typeof enImport = {
  importRefused: refused,
  importSummary: preview,
  importPreview: (s) => [...preview(s), l`Importieren? Es wird nichts geschrieben, bevor du bestätigst (oder ${code('ja')} schreibst).`],
  importNothingNew: (s) => [...preview(s), l`Nichts zu importieren: Alle aus dieser Datei sind schon so in deinem Netzwerk.`],
  importButton: (n) => (n > 0 ? `📥 ${n.toLocaleString('de-DE')} importieren` : '📥 Importieren'),
  importDone: (o: ImportOutcome) => [
    l`✓ Importiert: ${b(count(o.created.length, 'neuer Kontakt', 'neue Kontakte'))}${o.merged > 0 ? `, ${count(o.merged, 'Kontakt', 'Kontakte')} ergänzt` : ''}${o.settings ? ', Einstellungen wiederhergestellt' : ''}.`,
    l`${code('/rückgängig')} nimmt den ganzen Import zurück.`,
  ],
  triageHead: (n, total) => [
    l`Kurz einsortieren: ${n < total ? `die ${n} neuesten von ${total}` : n === 1 ? 'dein neuer Kontakt' : `deine ${n} neuen Kontakte`} — tippe eine Stufe an. Bis dahin sind sie C (passiv); ${code('/durchsicht')} geht später alle durch.`,
  ],
  triageEntry,
  connectedNote: (source) => (source === 'linkedin' ? 'auf LinkedIn vernetzt' : source === 'xing' ? 'auf XING vernetzt' : null),
  icsCalendarName: () => 'keepwarm',
  icsDue: (name: string, tier: Tier) => `Kontakt pflegen: ${name} (${tier})`,
  icsReminder: (name, text) => `Erinnerung: ${name}${text ? ` — ${text}` : ''}`,
  icsDetails: (c) =>
    [[c.role, c.company].filter(Boolean).join(' bei '), c.place ? `kennengelernt: ${c.place}` : '', `letzter Kontakt: ${c.lastTouchOn ?? 'noch keiner'}`]
      .filter(Boolean)
      .join('\n'),
  exportFile: (n, format, tiers) =>
    l`Hier ist dein Netzwerk als ${format.toUpperCase()}: ${count(n, 'Kontakt', 'Kontakte')}${tiers.length ? ` der Stufe ${tiers.join(', ')}` : ''}.`,
  exportCalendar: (events) => l`Hier ist dein Kalender: ${count(events, 'Eintrag', 'Einträge')} — die nächsten Termine deiner A- und B-Kontakte, deine Erinnerungen und Geburtstage. Öffne die Datei mit deiner Kalender-App.`,
  cliImportPrompt: () => 'Jetzt importieren? [j/N] ',
  cliNotImported: () => 'Es wurde nichts importiert. Mit --yes noch einmal aufrufen oder an der Abfrage j antworten.',
};
