/**
 * Telegram's HTML parse mode as the fake Bot API applies it: known tags only,
 * properly nested, `&` only as an entity, raw `<` never. A payload Telegram
 * would refuse with "can't parse entities" is refused here too, and what the
 * user would see is the plain text this returns.
 */

const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'code', 'pre', 'a', 'tg-spoiler', 'span', 'blockquote', 'tg-emoji']);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export class EntityError extends Error {}

/** The text a user sees for an HTML message; throws `EntityError` where Telegram answers 400. */
export function parseTelegramHtml(html: string): { text: string; tags: string[] } {
  let text = '';
  const stack: string[] = [];
  const tags: string[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) throw new EntityError(`Can't find end of the tag starting at byte offset ${i}`);
      const raw = html.slice(i + 1, end);
      const closing = raw.startsWith('/');
      const name = (closing ? raw.slice(1) : raw).split(/\s/)[0]!.toLowerCase();
      if (!TAGS.has(name)) throw new EntityError(`Unsupported start tag "${name}" at byte offset ${i}`);
      if (closing) {
        if (stack.pop() !== name) throw new EntityError(`Unmatched end tag at byte offset ${i}, expected "</${stack.at(-1) ?? ''}>", found "</${name}>"`);
      } else {
        stack.push(name);
        tags.push(name);
      }
      i = end + 1;
    } else if (c === '&') {
      const match = /^&(#\d+|#x[0-9a-f]+|[a-z]+);/i.exec(html.slice(i, i + 12));
      if (!match) throw new EntityError(`Character entity expected at byte offset ${i}`);
      const name = match[1]!;
      if (name.startsWith('#x')) text += String.fromCodePoint(parseInt(name.slice(2), 16));
      else if (name.startsWith('#')) text += String.fromCodePoint(Number(name.slice(1)));
      else if (NAMED[name] !== undefined) text += NAMED[name];
      else throw new EntityError(`Unsupported HTML entity "&${name};" at byte offset ${i}`);
      i += match[0].length;
    } else {
      text += c;
      i++;
    }
  }
  if (stack.length > 0) throw new EntityError(`Can't find end tag corresponding to start tag "${stack.at(-1)}"`);
  return { text, tags };
}
