/** Opens the SQLite file named on the command line and migrates it: the concurrent-start test runs several at once. */
import { openSqlite } from '../../src/store/db.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
const d = openSqlite(process.argv[2]!);
try { await migrateToLatest(d.db); console.log('ok'); } catch (e) { console.log('FAIL', String(e).slice(0, 200)); }
await d.close();
