/**
 * The `keepwarm` command: `keepwarm [start]`, `keepwarm chat --user NAME`,
 * `keepwarm migrate`, `keepwarm import FILE --user ID [--yes]`,
 * `keepwarm export --user ID --format json|csv|vcf|ics [--tier A …]`,
 * `keepwarm cards --user ID --format pdf|csv [--tier A …] [--labels 3422|3475|L7163]
 * [--sender "…"] [--out FILE]`, `keepwarm backup FILE`,
 * `keepwarm migrate-data --to postgres://… [--from PATH]`, `keepwarm sync --user ID`.
 * Users are named PLATFORM:ID (`console:NAME`, `telegram:ID`,
 * `slack:TEAM:USER`); a bare NAME means `console:NAME`.
 */
import { inspect, parseArgs } from 'node:util';
import { startConsoleChat } from '../adapters/console/chat.ts';
import { createConversation } from './bot/conversation.ts';
import { catalog } from './i18n/index.ts';
import { languageOf } from './store/users.ts';
import { warmUpParser } from './commands/parse.ts';
import { ConfigError } from './config.ts';
import { parseIdentity } from './core/identity.ts';
import { boot, consoleIdentity, consoleTimeZone, main, sourceSync } from './main.ts';
import { backupCommand, exportChoice, exportCommand, importCommand, type Output } from './cli-data.ts';
import { migrateDataCommand } from './migrate-data/cli.ts';
import { readImportsInThisThread } from './import-thread/thread.ts';
import { redactor, secretsIn } from './secrets.ts';

const USAGE = `usage:
  keepwarm [start]                          run keepwarm (console chat when no platform is configured)
  keepwarm chat [--user NAME]               chat in the terminal; reads stdin line by line when piped
  keepwarm migrate                          bring the database schema up to date
  keepwarm import FILE --user ID [--yes]    import contacts (.vcf, .csv, keepwarm .json): preview, then import with --yes or after y on a terminal
  keepwarm export --user ID [--format json|csv|vcf|ics] [--tier A …]
                                            print a user's data (ID: NAME, console:NAME, telegram:ID, slack:TEAM:USER)
  keepwarm cards --user ID [--format pdf|csv] [--tier A …] [--labels 3422|3475|L7163] [--sender "…"] [--out FILE] [--force]
                                            this year's Christmas-card list: address labels (PDF) or a CSV for German Excel
  keepwarm sync --user ID                   sync the user's calendars and mailboxes now; prints what each logged
  keepwarm backup FILE [--force]            online backup of the SQLite database (PostgreSQL: use pg_dump)
  keepwarm migrate-data --to postgres://… [--from PATH]
                                            copy the SQLite database (default DATABASE_URL) into PostgreSQL and verify it
environment: DATABASE_URL (default ./data/keepwarm.db), TZ, LANG, LOG_LEVEL — see .env.example`;

async function run(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      user: { type: 'string' },
      format: { type: 'string' },
      tier: { type: 'string', multiple: true },
      yes: { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean' },
      to: { type: 'string' },
      from: { type: 'string' },
      labels: { type: 'string' },
      sender: { type: 'string' },
      out: { type: 'string' },
    },
    allowPositionals: true,
  });
  const io: Output & { bytes(data: Buffer): void } = {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    bytes: (data) => process.stdout.write(data),
  };
  if (values.help || command === 'help' || command === '--help') {
    console.log(USAGE);
    return 0;
  }
  switch (command) {
    case 'start':
      return main();
    case 'migrate': {
      const { database } = await boot(process.env, 'warn');
      await database.close();
      console.log('database is up to date');
      return 0;
    }
    case 'chat': {
      const { config, database, log } = await boot(process.env, 'warn');
      warmUpParser();
      const who = parseIdentity(values.user ?? config.consoleUser ?? 'me');
      if (!who) return usageError(`--user: cannot read ${values.user}`);
      const t = catalog(languageOf(config.locale));
      const sources = await sourceSync({ config, database, log }, who);
      const chat = startConsoleChat({
        conversation: createConversation({ db: database.db, log, sources: { box: config.secretBox, runSource: sources.runSource, runForUser: sources.runForUser } }),
        user: who,
        ...(config.locale ? { locale: config.locale } : {}),
        timeZone: consoleTimeZone(config),
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
        filesDir: 'data/exports',
        words: { prompt: t.consolePrompt(), savedTo: t.consoleSavedTo },
      });
      await chat.done;
      await database.close();
      return 0;
    }
    case 'import': {
      const [file] = positionals;
      if (!file || !values.user) return usageError('import needs FILE and --user ID');
      const who = parseIdentity(values.user);
      if (!who) return usageError(`--user: cannot read ${values.user}`);
      // This process serves nobody else: no worker thread to start.
      readImportsInThisThread();
      const { config, database } = await boot(process.env, 'warn');
      try {
        return await importCommand(
          database,
          { file, who, yes: Boolean(values.yes), interactive: Boolean(process.stdin.isTTY), ...(config.locale ? { locale: config.locale } : {}), timeZone: consoleTimeZone(config) },
          io,
        );
      } finally {
        await database.close();
      }
    }
    case 'export': {
      if (!values.user) return usageError('export needs --user ID');
      const choice = exportChoice(values.format, values.tier);
      if (typeof choice === 'string') return usageError(choice);
      const who = parseIdentity(values.user);
      if (!who) return usageError(`--user: cannot read ${values.user}`);
      const { database } = await boot(process.env, 'warn');
      try {
        return await exportCommand(database, who, choice, io);
      } finally {
        await database.close();
      }
    }
    case 'cards': {
      if (!values.user) return usageError('cards needs --user ID');
      // Loaded only here: the PDF writer takes a moment to load, and no other command needs it.
      const { cardsChoice, cardsCommand } = await import('./cli-cards.ts');
      const choice = cardsChoice(values);
      if (typeof choice === 'string') return usageError(choice);
      const who = parseIdentity(values.user);
      if (!who) return usageError(`--user: cannot read ${values.user}`);
      const { database } = await boot(process.env, 'warn');
      try {
        return await cardsCommand(database, who, choice, { ...io, stdoutIsTerminal: Boolean(process.stdout.isTTY) });
      } finally {
        await database.close();
      }
    }
    case 'sync': {
      if (!values.user) return usageError('sync needs --user ID');
      const who = parseIdentity(values.user);
      if (!who) return usageError(`--user: cannot read ${values.user}`);
      const { config, database, log } = await boot(process.env, 'warn');
      try {
        // Loaded only here: the IMAP and CalDAV clients cost every other command start-up time.
        const { syncCommand } = await import('./cli-sync.ts');
        const { ensureOperatorMailbox } = await import('./sources/operator.ts');
        const mailbox = config.operatorMailbox;
        const owner = mailbox && (mailbox.owner ? parseIdentity(mailbox.owner) : consoleIdentity(config));
        if (mailbox && owner) await ensureOperatorMailbox(database.db, mailbox, owner, new Date());
        return await syncCommand(database, config, who, io, log);
      } finally {
        await database.close();
      }
    }
    case 'backup': {
      const [file] = positionals;
      if (!file) return usageError('backup needs FILE');
      const { database } = await boot(process.env, 'warn');
      try {
        return await backupCommand(database, file, Boolean(values.force), io);
      } finally {
        await database.close();
      }
    }
    case 'migrate-data':
      if (!values.to) return usageError('migrate-data needs --to postgres://USER@HOST/DATABASE');
      return migrateDataCommand({ to: values.to, from: values.from }, process.env, io);
    default:
      return usageError(`unknown command ${command}`);
  }
}

function usageError(message: string): number {
  console.error(`keepwarm: ${message}\n${USAGE}`);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A failed connection may quote DATABASE_URL, password and all.
    console.error(redactor(secretsIn(process.env))(error instanceof ConfigError ? `keepwarm: ${error.message}` : inspect(error)));
    process.exitCode = 1;
  },
);
