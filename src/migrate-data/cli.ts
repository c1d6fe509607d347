/**
 * `keepwarm migrate-data --to postgres://… [--from PATH]`: the command around
 * copy.ts. Progress goes to stderr, the table of results to
 * stdout; exit 0 only when every table verified.
 */
import type { Output } from '../cli-data.ts';
import { loadConfig } from '../config.ts';
import { MigrateDataRefusal, migrateData, redactUrl, type MigrateDataReport } from './copy.ts';

export interface MigrateDataArgs {
  to?: string | undefined;
  /** Default: the configured DATABASE_URL. */
  from?: string | undefined;
  batchRows?: number;
}

/** Exit 0: copied and verified; 1: refused, failed or not equal (nothing written); 2: no --to. */
export async function migrateDataCommand(args: MigrateDataArgs, env: NodeJS.ProcessEnv, io: Output): Promise<number> {
  if (!args.to) {
    io.err('keepwarm: migrate-data needs --to postgres://USER@HOST/DATABASE');
    return 2;
  }
  const from = args.from ?? loadConfig(env).databaseUrl;
  io.err(`migrate-data: ${redactUrl(from)} -> ${redactUrl(args.to)}`);
  let report: MigrateDataReport;
  try {
    report = await migrateData({ from, to: args.to, progress: (line) => io.err(line), ...(args.batchRows ? { batchRows: args.batchRows } : {}) });
  } catch (error) {
    if (error instanceof MigrateDataRefusal) {
      io.err(`keepwarm: ${error.message}`);
      return 1;
    }
    // The copy runs in one transaction: whatever failed took its writes with it.
    io.err(`keepwarm: migrate-data failed and wrote nothing to the target: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  io.out(formatReport(report));
  if (!report.ok) {
    const differ = report.tables.filter((t) => !t.equal).map((t) => t.table);
    io.err(`keepwarm: the target holds other data than the source in ${differ.join(', ')}; nothing was written (the copy was rolled back). Copy into an empty database, or remove the conflicting rows.`);
    return 1;
  }
  return 0;
}

/** The summary: one line per table, then the verdict. */
function formatReport(report: MigrateDataReport): string {
  const header = ['table', 'rows source', 'rows target', 'new', 'checksum'];
  const rows = report.tables.map((t) => [t.table, String(t.sourceRows), String(t.targetRows), String(t.copied), t.equal ? 'equal' : 'DIFFERENT']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  const totalRows = report.tables.reduce((sum, t) => sum + t.sourceRows, 0);
  const copied = report.tables.reduce((sum, t) => sum + t.copied, 0);
  const verdict = report.ok
    ? `verified: ${report.tables.length} tables, ${totalRows} rows, every row count and checksum equal (${copied} rows new in this run)`
    : `NOT verified: ${report.tables.filter((t) => !t.equal).map((t) => t.table).join(', ')} differ; the copy was rolled back`;
  return [line(header), ...rows.map(line), verdict].join('\n');
}
