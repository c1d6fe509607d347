/**
 * The delivery log the scheduler test processes append to (scheduler-process.ts):
 * one JSON line a delivered message. Read while they still write, the last
 * line may be half there; only complete lines count.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface Delivery {
  user: string;
  pid: number;
  at: number;
}

export function readDeliveries(log: string): Delivery[] {
  if (!existsSync(log)) return [];
  // Everything after the last line break is a line still being written.
  const complete = readFileSync(log, 'utf8').split('\n').slice(0, -1);
  return complete.filter(Boolean).map((line) => JSON.parse(line) as Delivery);
}
