/** Measuring helpers: latency samples, percentiles, and the one line format every suite prints. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export interface Latency {
  p50: number;
  p99: number;
  n: number;
}

/** Runs `fn` `n` times after `warmup` runs and returns milliseconds per call. */
export async function measure(n: number, fn: (i: number) => unknown, warmup = Math.min(200, n)): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n };
}

export function ms(value: number): string {
  return value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(2)} ms`;
}

export function ratio(value: number, floor: number): string {
  return `${(value / floor).toFixed(2)}x`;
}

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows.map((r) => r.map((cell, col) => cell.padEnd(widths[col]!)).join('  ')).join('\n');
}

export function heading(title: string): void {
  console.log(`\n== ${title}`);
}

/**
 * A short fingerprint of the migrations: cached benchmark databases carry it
 * in their file name, so a changed schema means a freshly built file.
 */
export function schemaTag(): string {
  const hash = createHash('sha1');
  for (const file of readdirSync('migrations').sort()) hash.update(file).update(readFileSync(`migrations/${file}`));
  return hash.digest('hex').slice(0, 8);
}
