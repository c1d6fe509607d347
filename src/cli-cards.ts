/**
 * `keepwarm cards --user ID --format pdf|csv [--tier A --tier B]
 * [--labels 3422|3475|L7163] [--sender "…"] [--out FILE] [--force]`: this
 * year's Christmas-card list as address labels or as a CSV for German Excel
 * (docs/cards.md). The file goes to --out (created 0600; an existing file
 * only with --force) or to stdout when that is no terminal; what was written
 * and who has no address yet goes to stderr.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { catalog } from './i18n/index.ts';
import { cardsCsv } from './cards/csv.ts';
import { labelsPdf } from './cards/labels-pdf.ts';
import { CARD_TIERS, cardList } from './cards/list.ts';
import { labelsPerSheet, SHEET_IDS, SHEETS, sheetOf, type LabelSheet } from './cards/sheets.ts';
import { localDateOf } from './core/dates.ts';
import type { PlatformIdentity } from './core/identity.ts';
import { TIERS, type Tier } from './core/types.ts';
import type { Output } from './cli-data.ts';
import { listContacts } from './store/contacts.ts';
import type { Database } from './store/db.ts';
import { findUser } from './store/users.ts';

export interface CardsChoice {
  format: 'pdf' | 'csv';
  tiers: Tier[];
  sheet: LabelSheet;
  sender: string | null;
  out: string | null;
  force: boolean;
}

/** The longest sender line taken; a label has room for far less (it is shrunk, then cut). */
const MAX_SENDER = 200;

/** Reads the options of `keepwarm cards`; a message when one is wrong. */
export function cardsChoice(values: { format?: string; tier?: string[]; labels?: string; sender?: string; out?: string; force?: boolean }): CardsChoice | string {
  const format = (values.format ?? 'pdf').toLowerCase();
  if (format !== 'pdf' && format !== 'csv') return `--format ${values.format}: use pdf or csv`;
  const wanted = (values.tier ?? []).flatMap((t) => t.split(',')).map((t) => t.trim().toUpperCase()).filter(Boolean);
  const bad = wanted.find((t) => !(TIERS as readonly string[]).includes(t));
  if (bad) return `--tier ${bad}: use A, B, C or D`;
  const sheet = values.labels === undefined ? SHEETS['3422'] : sheetOf(values.labels);
  if (!sheet) return `--labels ${values.labels}: use ${SHEET_IDS.join(', ')}`;
  const sender = values.sender?.replace(/\s+/g, ' ').trim() ?? '';
  if (sender.length > MAX_SENDER) return `--sender: at most ${MAX_SENDER} characters`;
  return { format, tiers: wanted.length > 0 ? ([...new Set(wanted)] as Tier[]) : [...CARD_TIERS], sheet, sender: sender || null, out: values.out ?? null, force: Boolean(values.force) };
}

export interface CardsOutput extends Output {
  bytes(data: Buffer): void;
  /** Whether stdout is a terminal: a PDF is never poured onto one. */
  stdoutIsTerminal: boolean;
}

/** `keepwarm cards`: exit 0 when the file was written, 1 when it could not be, with the reason on stderr. */
export async function cardsCommand(database: Database, who: PlatformIdentity, choice: CardsChoice, io: CardsOutput, now = new Date()): Promise<number> {
  const user = await findUser(database.db, who);
  if (!user) {
    io.err(`keepwarm: no user ${who.platform}:${who.userId}`);
    return 1;
  }
  if (!choice.out && choice.format === 'pdf' && io.stdoutIsTerminal) {
    io.err('keepwarm: a PDF is not for the terminal — add --out FILE (or redirect stdout to a file)');
    return 1;
  }
  if (choice.out && existsSync(choice.out) && !choice.force) {
    io.err(`keepwarm: ${choice.out} exists; choose a new name or add --force to overwrite it`);
    return 1;
  }
  const year = Number(localDateOf(now, user.timeZone).slice(0, 4));
  const list = cardList(await listContacts(database.db, user.id), choice.tiers, year);
  const content =
    choice.format === 'pdf'
      ? await labelsPdf(list, choice.sheet, { sender: choice.sender, title: catalog(user.language).cardsTitle(year), now })
      : Buffer.from(cardsCsv(list, { language: user.language }), 'utf8');
  if (choice.out) {
    // Created anew, never rewritten in place: an old file's wider mode must not carry over.
    if (choice.force) rmSync(choice.out, { force: true });
    writeFileSync(choice.out, content, { mode: 0o600, flag: 'wx' });
  } else {
    io.bytes(content);
  }
  const pages = Math.max(1, Math.ceil(list.entries.length / labelsPerSheet(choice.sheet)));
  const what = choice.format === 'pdf' ? `${list.entries.length} labels on ${pages} ${pages === 1 ? 'page' : 'pages'} of ${choice.sheet.name}` : `${list.entries.length} cards as CSV`;
  io.err(`keepwarm: ${what} — tiers ${list.tiers.join(', ')}, ${year}${choice.out ? `, written to ${choice.out}` : ''}`);
  if (list.missing.length > 0) io.err(`keepwarm: ${list.missing.length} without an address: ${list.missing.map((e) => e.person.full).join(', ')}`);
  return 0;
}
