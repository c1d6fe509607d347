/** The user's own data and the bot itself: /export, /forget, /undo, /help, /start. */
import type { Command } from '../../commands/command.ts';
import { undoLast, withChange } from '../../store/change.ts';
import { exportUserData } from '../../store/export.ts';
import { setPending } from '../../store/pending.ts';
import { deleteUser, reschedule } from '../../store/users.ts';
import { catalog } from '../i18n/index.ts';
import type { Ctx, Handler } from '../context.ts';
import type { Reply } from '../port.ts';
import { decodeLabel } from '../undo-label.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

export const exportData: Handler<Of<'export'>> = async (ctx, command) => {
  if (command.format !== 'json') return [{ text: [ctx.t.exportFormatLater(command.format)] }];
  const data = await exportUserData(ctx.db, ctx.user.id);
  const content = Buffer.from(JSON.stringify(data, null, 2) + '\n', 'utf8');
  return [
    {
      text: [ctx.t.exportReady(data.contacts.length, 'json')],
      file: { name: `keepwarm-${ctx.today}.json`, mimeType: 'application/json', content },
    },
  ];
};

/** /forget asks for a typed word, not a button, so it cannot happen by a slip of the thumb. */
export const forget: Handler<Of<'forget'>> = async (ctx) => {
  await setPending(ctx.db, ctx.user.id, 'forget', {}, ctx.now);
  return [{ text: ctx.t.confirmForget() }];
};

/** True when `text` is the confirmation word in either language. */
export function isForgetWord(text: string): boolean {
  const word = text.trim().toLowerCase();
  return word === catalog('en').forgetWord().toLowerCase() || word === catalog('de').forgetWord().toLowerCase();
}

export async function eraseEverything(ctx: Ctx): Promise<Reply[]> {
  await deleteUser(ctx.db, ctx.user.id);
  return [{ text: [ctx.t.forgotten()] }];
}

export const undo: Handler<Of<'undo'>> = async (ctx) => {
  const label = await withChange(ctx.db, ctx.user, ctx.now, null, async (change) => {
    const undone = await undoLast(change);
    // Settings may be back as they were: the next nudge is planned from them again.
    if (undone !== null) await reschedule(change.tx, ctx.user.id, ctx.now);
    return undone;
  });
  if (label === null) return [{ text: [ctx.t.nothingToUndo()] }];
  return [{ text: [ctx.t.undone(decodeLabel(label))] }];
};

export const help: Handler<Of<'help'>> = async (ctx, command) => {
  if (!command.topic) return [{ text: ctx.t.helpOverview() }];
  const topic = ctx.t.helpTopic(command.topic);
  return [{ text: topic ?? [ctx.t.helpUnknown(command.topic)] }];
};

export const start: Handler<Of<'start'>> = async (ctx) => [{ text: [...ctx.t.welcome(), ...ctx.t.helpOverview()] }];
