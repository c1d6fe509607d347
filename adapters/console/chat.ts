/**
 * The terminal chat: the embedded default when no platform is configured.
 * Lines typed are messages; a number presses the button shown with it. When
 * stdin is not a terminal it reads line by line, prints each reply block and
 * ends with the input, so scripts can drive it.
 */
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { Conversation } from '../../src/bot/conversation.ts';
import type { Button, Incoming, Messenger, Recipient, Reply, RunningPlatform } from '../../src/port.ts';
import type { PlatformIdentity } from '../../src/core/identity.ts';
import { makePrivateDir, writePrivateFile } from '../../src/private-files.ts';
import { renderConsole } from './render.ts';

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
  let buttons: Button[] = [];
  let messageCounter = 0;
  const prompt = interactive ? '\x1b[2myou ›\x1b[22m ' : '';

  function show(replies: Reply[]): string[] {
    buttons = [];
    const ids: string[] = [];
    for (const reply of replies) {
      const rendered = renderConsole(reply, { color: interactive, firstNumber: buttons.length + 1 });
      buttons.push(...rendered.buttons);
      output.write(rendered.text + '\n');
      if (reply.file && options.filesDir) {
        makePrivateDir(options.filesDir);
        const path = join(options.filesDir, reply.file.name.replace(/[^\w.-]/g, '_'));
        writePrivateFile(path, reply.file.content);
        output.write(`   saved to ${path}\n`);
      }
      ids.push(String(++messageCounter));
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
    const pressed = number !== undefined ? buttons[number - 1] : undefined;
    const incoming: Incoming = pressed ? { ...base, action: pressed.action } : { ...base, text };
    show(await conversation.handle(incoming, now()));
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
