/**
 * The `keepwarm` command: `keepwarm [start]`, `keepwarm chat --user NAME`,
 * `keepwarm migrate`, `keepwarm export --user ID --format json`.
 * Users are named PLATFORM:ID (`console:NAME`, `telegram:ID`,
 * `slack:TEAM:USER`); a bare NAME means `console:NAME`.
 */
import { parseArgs } from 'node:util';
import { startConsoleChat } from '../adapters/console/chat.ts';
import { createBot } from './bot/bot.ts';
import { warmUpParser } from './commands/parse.ts';
import { ConfigError } from './config.ts';
import { parseIdentity } from './core/identity.ts';
import { boot, consoleTimeZone, main } from './main.ts';
import { exportUserData } from './store/export.ts';
import { findUser } from './store/users.ts';

const USAGE = `usage:
  keepwarm [start]                          run keepwarm (console chat when no platform is configured)
  keepwarm chat [--user NAME]               chat in the terminal; reads stdin line by line when piped
  keepwarm migrate                          bring the database schema up to date
  keepwarm export --user ID [--format json] print all data of a user (ID: NAME, console:NAME, telegram:ID, slack:TEAM:USER)
environment: DATABASE_URL (default ./data/keepwarm.db), TZ, LANG, LOG_LEVEL — see .env.example`;

async function run(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { user: { type: 'string' }, format: { type: 'string', default: 'json' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
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
      const chat = startConsoleChat({
        bot: createBot({ db: database.db, log }),
        user: who,
        ...(config.locale ? { locale: config.locale } : {}),
        timeZone: consoleTimeZone(config),
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
        filesDir: 'data/exports',
      });
      await chat.done;
      await database.close();
      return 0;
    }
    case 'export': {
      if (!values.user) return usageError('export needs --user ID');
      if (values.format !== 'json') return usageError(`--format ${values.format}: only json here so far`);
      const who = parseIdentity(values.user);
      if (!who) return usageError(`--user: cannot read ${values.user}`);
      const { database } = await boot(process.env, 'warn');
      try {
        const user = await findUser(database.db, who);
        if (!user) {
          console.error(`keepwarm: no user ${values.user}`);
          return 1;
        }
        process.stdout.write(JSON.stringify(await exportUserData(database.db, user.id), null, 2) + '\n');
        return 0;
      } finally {
        await database.close();
      }
    }
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
    console.error(error instanceof ConfigError ? `keepwarm: ${error.message}` : error);
    process.exitCode = 1;
  },
);
