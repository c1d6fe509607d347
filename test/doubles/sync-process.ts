/**
 * One instance's sync pass, as a process of its own: the source runner of
 * the scheduler tick (`runDue`) on the database DATABASE_URL names, with the
 * operator's KEEPWARM_SECRET_KEY, allowed to reach the test's servers on
 * 127.0.0.1. Prints one JSON line per source it synced, then exits 0.
 */
import { loadConfig } from '../../src/config.ts';
import { createSourceSync } from '../../src/sources/runner.ts';
import { openDatabase } from '../../src/store/db.ts';

const config = loadConfig(process.env);
const database = await openDatabase(config.databaseUrl);
const sync = createSourceSync({ db: database.db, box: config.secretBox, limits: { allowPrivate: true } });
for (const result of await sync.runDue()) process.stdout.write(`${JSON.stringify(result)}\n`);
await database.close();
