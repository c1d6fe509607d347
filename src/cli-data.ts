/**
 * The data commands of `keepwarm`: import a file, export in any format, and
 * take an online backup. The same code paths as the chat (preview, one
 * transaction, one undo step), with the replies printed as plain text.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { ExportFormat } from './commands/command.ts';
import { localDateOf } from './core/dates.ts';
import type { PlatformIdentity } from './core/identity.ts';
import { TIERS, type Tier } from './core/types.ts';
import { MAX_IMPORT_BYTES } from './import/limits.ts';
import { isRefusal, refuse } from './import/record.ts';
import { exportFile } from './bot/handlers/export.ts';
import { importNow, previewImport } from './bot/handlers/import.ts';
import { catalog } from './i18n/index.ts';
import { plainText } from './rich.ts';
import type { Database } from './store/db.ts';
import { createPrivateFile, makePrivate } from './private-files.ts';
import { ensureUser, findUser, type User } from './store/users.ts';

/** Where the command writes: stdout for data and previews, stderr for problems. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const FORMATS: readonly ExportFormat[] = ['json', 'csv', 'vcf', 'ics'];

export interface ImportOptions {
  file: string;
  who: PlatformIdentity;
  yes: boolean;
  /** Ask on the terminal when `yes` is not given (stdin is a TTY). */
  interactive: boolean;
  locale?: string;
  timeZone?: string;
  now?: Date;
}

async function confirmOnTerminal(prompt: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|j|ja)$/i.test((await rl.question(prompt)).trim());
  } finally {
    rl.close();
  }
}

/** `keepwarm import FILE --user ID [--yes]`: exit 0 when previewed or imported, 1 for a file that cannot be imported. */
export async function importCommand(database: Database, options: ImportOptions, io: Output): Promise<number> {
  const now = options.now ?? new Date();
  // A user who never wrote to the bot gets their network before their first message.
  const user: User = await ensureUser(
    database.db,
    options.who,
    options.who.platform === 'console' ? { ...(options.locale ? { locale: options.locale } : {}), ...(options.timeZone ? { timeZone: options.timeZone } : {}) } : {},
    now,
  );
  const t = catalog(user.language);
  const name = basename(options.file);
  if (!existsSync(options.file)) {
    io.err(`keepwarm: no file ${options.file}`);
    return 1;
  }
  const size = statSync(options.file).size;
  if (size > MAX_IMPORT_BYTES) {
    io.err(plainText(t.importRefused(refuse('too_large', { size, max: MAX_IMPORT_BYTES }), name)));
    return 1;
  }
  const today = localDateOf(now, user.timeZone);
  const preview = await previewImport(database.db, user.id, { name, content: readFileSync(options.file) }, today);
  if (isRefusal(preview)) {
    io.err(plainText(t.importRefused(preview, name)));
    return 1;
  }
  if (preview.noop) {
    io.out(plainText(t.importNothingNew(preview.summary)));
    return 0;
  }
  io.out(plainText(t.importSummary(preview.summary)));
  const go = options.yes || (options.interactive && (await confirmOnTerminal(t.cliImportPrompt())));
  if (!go) {
    io.out(t.cliNotImported());
    return 0;
  }
  const { outcome } = await importNow(database.db, user, preview.payload, now, today, t);
  io.out(plainText(t.importDone(outcome)));
  return 0;
}

/** Reads `--format` and `--tier` values; a message when one is wrong. */
export function exportChoice(format: string | undefined, tiers: string[] | undefined): { format: ExportFormat; tiers: Tier[] } | string {
  const chosen = (format ?? 'json').toLowerCase();
  if (!(FORMATS as readonly string[]).includes(chosen)) return `--format ${format}: use json, csv, vcf or ics`;
  const wanted = (tiers ?? []).flatMap((t) => t.split(',')).map((t) => t.trim().toUpperCase()).filter(Boolean);
  const bad = wanted.find((t) => !(TIERS as readonly string[]).includes(t));
  if (bad) return `--tier ${bad}: use A, B, C or D`;
  return { format: chosen as ExportFormat, tiers: [...new Set(wanted)] as Tier[] };
}

/** `keepwarm export --user ID --format F [--tier A …]`: the file on stdout. */
export async function exportCommand(database: Database, who: PlatformIdentity, choice: { format: ExportFormat; tiers: Tier[] }, io: Output & { bytes(data: Buffer): void }, now = new Date()): Promise<number> {
  const user = await findUser(database.db, who);
  if (!user) {
    io.err(`keepwarm: no user ${who.platform}:${who.userId}`);
    return 1;
  }
  const { file } = await exportFile(database.db, user.id, { ...choice, now, today: localDateOf(now, user.timeZone), t: catalog(user.language) });
  io.bytes(file.content);
  return 0;
}

/**
 * `keepwarm backup FILE`: an online copy of the SQLite database, consistent
 * even while the bot writes (SQLite's backup API through better-sqlite3).
 */
export async function backupCommand(database: Database, target: string, force: boolean, io: Output): Promise<number> {
  if (database.kind !== 'sqlite' || !database.sqlite) {
    io.err('keepwarm: backup copies an SQLite database; this one is PostgreSQL. Use pg_dump, e.g.  pg_dump --format=custom "$DATABASE_URL" > keepwarm.dump');
    return 1;
  }
  if (existsSync(target) && !force) {
    io.err(`keepwarm: ${target} exists; choose a new name or add --force to overwrite it`);
    return 1;
  }
  // Created 0600 before SQLite writes into it (SQLite keeps an existing file's mode).
  if (existsSync(target)) makePrivate(target);
  else createPrivateFile(target);
  const { totalPages } = await database.sqlite.backup(target);
  io.out(`backup written to ${target} (${totalPages} pages)`);
  return 0;
}
