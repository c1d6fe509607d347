/** Answers about a person: done, no answer, skip, snooze — by name, or by button. */
import type { Command } from '../../commands/command.ts';
import type { Contact } from '../../store/contacts.ts';
import type { Ctx, Handler } from '../context.ts';
import type { Reply } from '../port.ts';
import { resolveContact } from '../resolve.ts';
import { attemptContact, skipContact, snoozeContact, touchContact } from './touches.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;
type Answer = Of<'done'> | Of<'noanswer'> | Of<'skip'> | Of<'snooze'>;

/** Applies one answer to one contact. */
export function answerFor(ctx: Ctx, command: Answer, contact: Contact): Promise<Reply[]> {
  switch (command.intent) {
    case 'done':
      return touchContact(ctx, contact, ctx.today, 'other', command.note ?? null);
    case 'noanswer':
      return attemptContact(ctx, contact, command.note ?? null);
    case 'skip':
      return skipContact(ctx, contact);
    case 'snooze':
      return snoozeContact(ctx, contact, command.until);
  }
}

export const answer: Handler<Answer> = async (ctx, command, resolved) => {
  if (command.intent === 'done' && command.both) return [{ text: [ctx.t.answerWho(command.intent)] }];
  if (command.name === undefined && resolved.name === undefined) return [{ text: [ctx.t.answerWho(command.intent)] }];
  const found = await resolveContact(ctx, command, 'name', resolved);
  if ('replies' in found) return found.replies;
  return answerFor(ctx, command, found.contact);
};
