/**
 * `keepwarm sync --user ID`: one sync of every source of one user, now,
 * whether due or not — the same claim, code and undo step as the 15-minute
 * sync — with a line per source printed. Exit 0 when the run completed
 * (a failing source is a printed result, not an error), 1 for an unknown user.
 */
import type { Config } from './config.ts';
import type { PlatformIdentity } from './core/identity.ts';
import { catalog } from './i18n/index.ts';
import type { Logger } from './log.ts';
import { createSourceSync, type SourceRunResult } from './sources/runner.ts';
import type { Database } from './store/db.ts';
import { listSources } from './store/sources.ts';
import { findUser } from './store/users.ts';
import type { Output } from './cli-data.ts';

export function describeResult(r: SourceRunResult): string {
  const what = `${r.name} (${r.kind})`;
  if (r.result === 'ok' && r.summary) {
    const s = r.summary;
    return `${what}: ok — ${s.added} added, ${s.moved} moved, ${s.removed} removed, ${s.read} read`;
  }
  if (r.result === 'lost') return `${what}: taken over by another instance; nothing changed`;
  if (r.result === 'ok') return `${what}: ok`;
  return `${what}: ${r.result} — ${catalog('en').syncFailureReason(r.result)}; nothing changed`;
}

export async function syncCommand(database: Database, config: Config, who: PlatformIdentity, io: Output, log?: Logger): Promise<number> {
  const user = await findUser(database.db, who);
  if (!user) {
    io.err(`keepwarm: no user ${who.platform}:${who.userId}`);
    return 1;
  }
  const sources = await listSources(database.db, user.id);
  if (sources.length === 0) {
    io.out('no calendar or mailbox is connected for this user');
    return 0;
  }
  const sync = createSourceSync({
    db: database.db,
    box: config.secretBox,
    limits: { allowPrivate: config.allowPrivateHosts },
    env: config.operatorMailbox ? { operatorMailboxPassword: config.operatorMailbox.password } : {},
    ...(log ? { log } : {}),
  });
  const results = await sync.runForUser(user.id);
  for (const r of results) io.out(describeResult(r));
  for (const s of sources) if (!results.some((r) => r.sourceId === s.id)) io.out(`${s.name} (${s.kind}): being synced by another instance right now`);
  const added = results.reduce((n, r) => n + (r.summary?.added ?? 0), 0);
  io.out(`${results.length} synced, ${added} touches added`);
  return 0;
}
