/**
 * `npm run bench [suite …]`: every performance claim of keepwarm as a ratio
 * against a floor measured in the same run, on this machine, now.
 */
import { benchCommands } from './commands.ts';
import { benchFanout } from './fanout.ts';
import { benchImport } from './import.ts';
import { benchNudges } from './nudges.ts';
import { benchPostgres } from './postgres.ts';
import { benchSlack } from './slack.ts';
import { benchSync } from './sync.ts';
import { benchFlood, benchTelegram } from './telegram.ts';

const suites: Record<string, () => Promise<void>> = {
  commands: benchCommands,
  nudges: benchNudges,
  import: benchImport,
  telegram: benchTelegram,
  fanout: benchFanout,
  postgres: benchPostgres,
  slack: benchSlack,
  sync: benchSync,
  flood: benchFlood,
};

const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = chosen.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(', ')}; suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
console.log(`keepwarm bench — node ${process.version}, ${new Date().toISOString()}`);
for (const name of chosen.length > 0 ? chosen : Object.keys(suites)) await suites[name]!();
