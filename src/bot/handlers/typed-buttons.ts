/**
 * A button's label typed as text works like the button: "behalten", "keep",
 * "archivieren" answer the open question — the /review card on screen, or the
 * nudge's "keep, move to C, or archive?" about someone left unanswered three
 * times. With a name ("keep Tom") the question about that person.
 */
import type { Command } from '../../commands/command.ts';
import { matchContacts } from '../../core/names.ts';
import { getContact, getContacts, type Contact } from '../../store/contacts.ts';
import { encodeAction } from '../../commands/actions.ts';
import type { Ctx, Handler } from '../context.ts';
import { openQuestion } from '../questions.ts';
import type { Button, Reply } from '../../port.ts';
import { answerQuestion, openIgnoredQuestions } from './answers.ts';
import { reviewAnswer } from './review.ts';
import { archiveContact, keepContact, setTier } from './contacts.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;
type Choice = 'keep' | 'archive';

/** "Keep, move to C, or archive?" answered for one contact: the answer and its mark on the nudge in one change. */
export function answerIgnored(ctx: Ctx, contact: Contact, choice: 'keep' | 'C' | 'archive'): Promise<Reply[]> {
  return answerQuestion(ctx, contact, 'ignored', (entry) =>
    choice === 'C' ? setTier(ctx, contact, 'C', entry) : choice === 'archive' ? archiveContact(ctx, contact, entry) : keepContact(ctx, contact, entry),
  );
}

/** The typed choice for the open question, or "whom do you mean?" when none is open. */
export async function typedChoice(ctx: Ctx, choice: Choice, name?: string): Promise<Reply[]> {
  const pending = await openQuestion(ctx);
  if (pending?.kind === 'review') {
    const contact = await getContact(ctx.db, ctx.user.id, pending.payload.contactId);
    if (contact && (name === undefined || matchContacts(name, [contact]).kind === 'one')) return reviewAnswer(ctx, contact.id, choice);
  }
  const open = await openIgnoredQuestions(ctx);
  if (open) {
    const contacts = await getContacts(ctx.db, ctx.user.id, open.contactIds);
    const meant = name === undefined ? contacts : contacts.filter((c) => matchContacts(name, [c]).kind === 'one');
    const [only] = meant;
    if (meant.length === 1 && only) return answerIgnored(ctx, only, choice);
    if (meant.length > 1) {
      const buttons: Button[][] = [
        meant.map((c) => ({
          label: choice === 'keep' ? ctx.t.keepPersonButton(c.name) : ctx.t.archivePersonButton(c.name),
          action: encodeAction({ kind: 'ignored', contactId: c.id, choice }),
        })),
      ];
      return [{ text: [ctx.t.whichOpen(meant.map((c) => c.name))], buttons }];
    }
  }
  return [{ text: [ctx.t.answerWho(choice)] }];
}

/** "behalten", "keep", "keep Tom". */
export const keep: Handler<Of<'keep'>> = async (ctx, command) => typedChoice(ctx, 'keep', command.name);
