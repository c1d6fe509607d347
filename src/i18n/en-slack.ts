/** Replies only the Slack adapter gives (adapters/slack). Spread into the English catalog. */
import { b, code, l } from '../rich.ts';

export const enSlack = {
  slackCommandsNote: () =>
    l`In Slack, ${code('/met')} ${code('/done')} ${code('/touch')} ${code('/note')} ${code('/today')} ${code('/overdue')} work as they are; every other command goes after ${code('/keepwarm')} (${code('/keepwarm tier Bob C')}) or as plain text in our direct messages (${code('tier Bob C')}).`,
  slackFileInDm: (name: string) => l`📎 ${b(name)} is in our direct messages.`,
  slackFileNotImportable: (name: string) => l`I can read vCard (.vcf) and CSV (.csv) files; ${b(name)} is neither.`,
  slackFileTooLarge: (name: string, maxMb: number) => l`${b(name)} is too large for me: files up to ${String(maxMb)} MB, please.`,
  slackFileFailed: (name: string) => l`I could not fetch ${b(name)} from Slack. Please share it again.`,
};
