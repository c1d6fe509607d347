/** /forget: erase every row of the user, after a typed confirmation word. */
import type { Command } from '../../commands/command.ts';
import { catalog } from '../../i18n/index.ts';
import type { Reply } from '../../port.ts';
import { eraseUser } from '../../store/erase.ts';
import type { Ctx, Handler } from '../context.ts';
import { ask } from '../questions.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/** /forget asks for a typed word, not a button, so it cannot happen by a slip of the thumb. */
export const forget: Handler<Of<'forget'>> = async (ctx) => {
  await ask(ctx, { kind: 'forget', payload: {} });
  return [{ text: ctx.t.confirmForget() }];
};

/** True when `text` is the confirmation word in either language. */
export function isForgetWord(text: string): boolean {
  const word = text.trim().toLowerCase();
  return word === catalog('en').forgetWord().toLowerCase() || word === catalog('de').forgetWord().toLowerCase();
}

export async function eraseEverything(ctx: Ctx): Promise<Reply[]> {
  await eraseUser(ctx.db, ctx.user.id);
  return [{ text: [ctx.t.forgotten()] }];
}
