/** Antworten, die nur der Slack-Adapter gibt (adapters/slack). In den deutschen Katalog eingefügt. */
import { b, code, l } from '../rich.ts';
import type { enSlack } from './en-slack.ts';

export const deSlack: typeof enSlack = {
  slackCommandsNote: () =>
    l`In Slack funktionieren ${code('/met')} ${code('/done')} ${code('/touch')} ${code('/note')} ${code('/today')} ${code('/overdue')} direkt; jeden anderen Befehl schreibst du nach ${code('/keepwarm')} (${code('/keepwarm tier Bob C')}) oder als Text in unsere Direktnachrichten (${code('Stufe Bob C')}).`,
  slackFileInDm: (name) => l`📎 ${b(name)} liegt in unseren Direktnachrichten.`,
  slackFileNotImportable: (name) => l`Ich lese vCard- (.vcf) und CSV-Dateien (.csv); ${b(name)} ist keine davon.`,
  slackFileTooLarge: (name, maxMb) => l`${b(name)} ist mir zu groß: bitte Dateien bis ${String(maxMb)} MB.`,
  slackFileFailed: (name) => l`Ich konnte ${b(name)} nicht von Slack holen. Bitte teile die Datei noch einmal.`,
};
