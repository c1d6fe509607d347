/**
 * The terminal chat: the embedded default when no platform is configured.
 * Lines typed are messages; a number presses the button shown with it. When
 * stdin is not a terminal it reads line by line, prints each reply block and
 * ends with the input, so scripts can drive it.
 *
 * Numbers stay true (docs/scheduler.md "Buttons stay true"): each message
 * with buttons numbers them on from the last one, so a number always means
 * the button it was printed with — replies without buttons change nothing,
 * and an older list's numbers keep working. Numbering starts again at 1 with
 * the first list of a new day; a number from before that, or from a list
 * shown more than a day ago, answers that its list has expired.
 */
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Conversation } from '../../src/bot/conversation.ts';
import type { Button, Incoming, Messenger, Recipient, Reply, RunningPlatform } from '../../src/port.ts';
import type { PlatformIdentity } from '../../src/core/identity.ts';
import { localDateOf } from '../../src/core/dates.ts';
import { makePrivateDir, writePrivateFile } from '../../src/private-files.ts';
import { renderConsole } from './render.ts';

/** A list's numbers work this long; then they answer that the list expired. */
const NUMBERS_LAST_MS = 86_400_000;
/** Numbers are typed as at most three digits. */
const MAX_NUMBER = 999;

interface Numbered {
  button: Button;
  /** The message the button was shown with: a press answers under it (an edit redraws it). */
  messageId: string;
  shownAt: number;
}

export interface ConsoleChatOptions {
  conversation: Conversation;
  user: PlatformIdentity;
  locale?: string;
  timeZone?: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Interactive: prompt and colours. */
  interactive: boolean;
  /** Where exported files are written. */
  filesDir?: string;
  /** The console's own words in the user's language (src/i18n: consolePrompt, consoleSavedTo). */
  words?: { prompt: string; savedTo: (path: string) => string };
  now?: () => Date;
}

export interface ConsoleChat extends RunningPlatform {
  /** Resolves when the input ends (or `stop` closes it). */
  done: Promise<void>;
  /** The console's side of the scheduler port: nudges appear in the chat. */
  messenger: Messenger;
}

export function startConsoleChat(options: ConsoleChatOptions): ConsoleChat {
  const { conversation, user, output, interactive } = options;
  const now = options.now ?? (() => new Date());
  const zone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let numbers = new Map<number, Numbered>();
  let nextNumber = 1;
  let numberingDay: string | undefined;
  /** The highest number of the lists before numbering started again: those answer "expired". */
  let expiredUpTo = 0;
  let messageCounter = 0;
  const words = options.words ?? { prompt: 'you ›', savedTo: (path: string) => `saved to ${path}` };
  const prompt = interactive ? `\x1b[2m${words.prompt}\x1b[22m ` : '';

  /** The first number for a message with `count` buttons: on from the last list, from 1 on a new day. */
  function firstNumberFor(count: number, at: Date): number {
    const day = localDateOf(at, zone);
    if (numberingDay !== day || nextNumber + count - 1 > MAX_NUMBER) {
      expiredUpTo = Math.max(expiredUpTo, nextNumber - 1);
      numbers = new Map();
      nextNumber = 1;
      numberingDay = day;
    }
    return nextNumber;
  }

  function show(replies: Reply[]): string[] {
    const ids: string[] = [];
    const at = now();
    for (const reply of replies) {
      const id = String(++messageCounter);
      const count = (reply.buttons ?? []).flat().length;
      const rendered = renderConsole(reply, { color: interactive, firstNumber: count > 0 ? firstNumberFor(count, at) : nextNumber });
      for (const button of rendered.buttons) numbers.set(nextNumber++, { button, messageId: id, shownAt: at.getTime() });
      output.write(rendered.text + '\n');
      if (reply.file && options.filesDir) {
        makePrivateDir(options.filesDir);
        const path = join(options.filesDir, reply.file.name.replace(/[^\w.-]/g, '_'));
        writePrivateFile(path, reply.file.content);
        output.write(`   ${words.savedTo(path)}\n`);
      }
      ids.push(id);
    }
    output.write('\n');
    return ids;
  }

  async function onLine(line: string): Promise<void> {
    const text = line.trim();
    if (text === '') return;
    const base: Incoming = {
      from: user,
      chatId: `console:${user.userId}`,
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    };
    const number = /^\d{1,3}$/.test(text) ? Number(text) : undefined;
    const at = now();
    const pressed = number !== undefined ? numbers.get(number) : undefined;
    const expired = number !== undefined && (pressed ? at.getTime() - pressed.shownAt > NUMBERS_LAST_MS : number <= expiredUpTo);
    if (expired) {
      const line = await conversation.notice({ platform: 'console', who: user, ...(options.locale ? { locale: options.locale } : {}), now: at }, 'consoleNumberExpired', number);
      show([{ text: [line] }]);
      return;
    }
    const incoming: Incoming = pressed ? { ...base, action: pressed.button.action, replyToMessageId: pressed.messageId } : { ...base, text };
    show(await conversation.handle(incoming, at));
  }

  const lines = createInterface({ input: options.input, terminal: false });
  const done = (async () => {
    if (interactive) output.write(prompt);
    for await (const line of lines) {
      await onLine(line);
      if (interactive) output.write(prompt);
    }
    if (interactive) output.write('\n');
  })();

  const messenger: Messenger = {
    platform: 'console',
    async send(to: Recipient, reply: Reply) {
      if (to.userId !== user.userId) throw new Error(`console has no user ${to.userId}`);
      output.write(interactive ? '\n' : '');
      const [id] = show([reply]);
      if (interactive) output.write(prompt);
      return { messageId: id ?? '0' };
    },
  };
  return {
    done,
    messenger,
    servesRoutes: false,
    async stop() {
      lines.close();
      await done;
    },
  };
}
