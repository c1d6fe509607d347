/**
 * What the user typed, back from Slack's wire format: Slack sends `&`, `<`,
 * `>` as entities and wraps links and mentions in angle brackets
 * (`<https://x.com|x.com>`, `<mailto:a@b.de|a@b.de>`, `<@U123>`); the command
 * language wants the text as written.
 */
import { isCommandWord } from '../../src/bot/conversation.ts';

export function fromSlackText(text: string): string {
  return text
    .replace(/<([^<>|]*)\|([^<>]*)>/g, '$2')
    .replace(/<([@#!]?)([^<>]*)>/g, (_, sigil: string, body: string) => (sigil === '!' ? `@${body}` : `${sigil}${body.replace(/^mailto:/, '')}`))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * A slash command as the text the bot reads: `/met Anna` stays `/met Anna`;
 * the umbrella `/keepwarm` carries any other intent — `/keepwarm tier Bob C`
 * is `/tier Bob C`, `/keepwarm called Bob` the phrase `called Bob`, and
 * `/keepwarm` alone is `/help`.
 */
export function commandText(command: string, text: string): string {
  const args = fromSlackText(text).trim();
  const name = command.replace(/^\//, '');
  if (name !== 'keepwarm') return args === '' ? `/${name}` : `/${name} ${args}`;
  if (args === '') return '/help';
  if (args.startsWith('/')) return args;
  const first = args.split(/[\s,.:;!?]/, 1)[0] ?? '';
  return isCommandWord(first) ? `/${args}` : args;
}
