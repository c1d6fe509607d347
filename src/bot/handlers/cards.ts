/**
 * /weihnachtskarten (/cards): this year's card list in the chat — who gets a
 * card, who lacks an address (a button each to add it), and the CSV for
 * German Excel and the label PDF as files. `/cards sent` logs a card touch
 * for everyone on the list as one undo step (docs/cards.md).
 */
import type { Command } from '../../commands/command.ts';
import { encodeAction } from '../../commands/actions.ts';
import { CARD_TIERS, cardList, type CardList } from '../../cards/list.ts';
import { labelsPerSheet, SHEETS } from '../../cards/sheets.ts';
import { touchesSince } from '../../store/activity.ts';
import { listContacts, type Contact } from '../../store/contacts.ts';
import type { Button, Line, Reply } from '../../port.ts';
import type { Ctx, Handler } from '../context.ts';
import { change } from './undoable.ts';
import { logTouch } from './log-touch.ts';

type Of<I extends Command['intent']> = Extract<Command, { intent: I }>;

/** Names listed in the chat; the files hold everyone (a network of 150 would be a wall of text). */
const MAX_LISTED = 60;
/** Address buttons under the list, two to a row; the rest can use /address. */
const MAX_ADDRESS_BUTTONS = 20;

export const cards: Handler<Of<'cards'>> = async (ctx, command) => {
  const contacts = await listContacts(ctx.db, ctx.user.id);
  const list = cardList(contacts, command.tiers.length > 0 ? command.tiers : CARD_TIERS, Number(ctx.today.slice(0, 4)));
  if (command.sent) return logCardsSent(ctx, list, contacts);
  const { t } = ctx;
  if (list.entries.length === 0 && list.missing.length === 0) return [{ text: [t.cardsEmpty(list.tiers)] }];
  const lines: Line[] = [t.cardsHead(list.year, list.tiers, list.entries.length, list.missing.length)];
  for (const entry of list.entries.slice(0, MAX_LISTED)) lines.push(t.cardsEntry(entry.person.full, entry.address?.city ?? ''));
  if (list.entries.length > MAX_LISTED) lines.push(t.cardsEntry(`… +${list.entries.length - MAX_LISTED}`, ''));
  const replies: Reply[] = [{ text: lines }];
  if (list.missing.length > 0) {
    const buttons: Button[] = list.missing
      .slice(0, MAX_ADDRESS_BUTTONS)
      .map((entry) => ({ label: t.addAddressButton(entry.person.full), action: encodeAction({ kind: 'address', contactId: entry.contactId }) }));
    const rows: Button[][] = [];
    for (let index = 0; index < buttons.length; index += 2) rows.push(buttons.slice(index, index + 2));
    replies.push({ text: [t.cardsMissingHead(list.missing.length), ...list.missing.map((entry) => t.cardsEntry(entry.person.full, ''))], buttons: rows });
  }
  if (list.entries.length === 0) return replies;
  replies.push({ text: [t.cardsFiles()] });
  replies.push(...(await cardFiles(ctx, list)));
  return replies;
};

/** The CSV and the label PDF, each a reply of its own; loaded on demand (pdfkit is large). */
async function cardFiles(ctx: Ctx, list: CardList): Promise<Reply[]> {
  const [{ cardsCsv }, { labelsPdf }] = await Promise.all([import('../../cards/csv.ts'), import('../../cards/labels-pdf.ts')]);
  const sheet = SHEETS['3422'];
  const base = ctx.user.language === 'de' ? `weihnachtskarten-${list.year}` : `holiday-cards-${list.year}`;
  const csv = Buffer.from(cardsCsv(list, { language: ctx.user.language }), 'utf8');
  const pdf = await labelsPdf(list, sheet, { sender: null, title: ctx.t.cardsTitle(list.year), now: ctx.now });
  const pages = Math.max(1, Math.ceil(list.entries.length / labelsPerSheet(sheet)));
  return [
    { text: [ctx.t.cardsCsvCaption()], file: { name: `${base}.csv`, mimeType: 'text/csv', content: csv } },
    { text: [ctx.t.cardsPdfCaption(list.entries.length, pages)], file: { name: `${base}-labels.pdf`, mimeType: 'application/pdf', content: pdf } },
  ];
}

/**
 * Card rule: a card touch for everyone on the list with an address, once a
 * year — someone already logged this year is not logged twice — as one step
 * of /undo. A card is no conversation: it never moves a cadence (touches.ts).
 */
async function logCardsSent(ctx: Ctx, list: CardList, contacts: Contact[]): Promise<Reply[]> {
  if (list.entries.length === 0) return [{ text: [ctx.t.cardsSentNone()] }];
  const touched = await touchesSince(ctx.db, ctx.user.id, `${list.year}-01-01`);
  const already = new Set(touched.filter((touch) => touch.kind === 'card').map((touch) => touch.contactId));
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const due = list.entries.flatMap((entry) => {
    const contact = byId.get(entry.contactId);
    return contact && !already.has(contact.id) ? [contact] : [];
  });
  if (due.length === 0) return [{ text: [ctx.t.cardsAlreadySent(list.year)] }];
  await change(ctx, { key: 'cards', name: String(list.year) }, async (ch) => {
    for (const contact of due) await logTouch(ch, contact, ctx.today, 'card', null, ctx.workdays);
  });
  return [{ text: [ctx.t.cardsSent(due.length, list.year)] }];
}
