/** /help, /help COMMAND and /start. */
import type { Command } from '../../commands/command.ts';
import type { Handler } from '../context.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

export const help: Handler<Of<'help'>> = async (ctx, command) => {
  // Slack takes only some commands as slash commands: its /help says how the others are typed.
  if (!command.topic && ctx.incoming.from.platform === 'slack') return [{ text: ctx.t.helpOverview() }, { text: [ctx.t.slackCommandsNote()] }];
  if (!command.topic) return [{ text: ctx.t.helpOverview() }];
  const topic = ctx.t.helpTopic(command.topic);
  return [{ text: topic ?? [ctx.t.helpUnknown(command.topic)] }];
};

export const start: Handler<Of<'start'>> = async (ctx) => [{ text: [...ctx.t.welcome(), ...ctx.t.helpOverview()] }];
