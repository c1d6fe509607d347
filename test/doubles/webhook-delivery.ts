/**
 * Telegram's side of webhook delivery, for process tests: an update is posted
 * to the instances behind a load balancer until one answers 2xx. A non-2xx
 * answer or a failed connection is tried again after a pause that doubles, on
 * the next instance — as the Bot API server does (its pauses start at 1 s and
 * grow to a minute or two; shorter here, so a test takes seconds).
 */
import type { Update } from './fake-telegram.ts';

export interface DeliveryResult {
  /** Every answer, in order: an HTTP status, or 0 for no answer at all. */
  statuses: number[];
}

export async function deliverUntilAccepted(
  update: Update,
  urls: readonly string[],
  secret: string,
  options: { first?: number; firstPauseMs?: number; longestPauseMs?: number; giveUpAt?: number } = {},
): Promise<DeliveryResult> {
  const statuses: number[] = [];
  let pause = options.firstPauseMs ?? 250;
  for (let attempt = 0; ; attempt++) {
    const url = urls[((options.first ?? 0) + attempt) % urls.length]!;
    const status = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': secret },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(15_000),
    }).then(
      (response) => response.status,
      () => 0,
    );
    statuses.push(status);
    if (status >= 200 && status < 300) return { statuses };
    if (options.giveUpAt !== undefined && Date.now() > options.giveUpAt) throw new Error(`update ${update.update_id} never accepted: ${statuses.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, options.longestPauseMs ?? 2000);
  }
}
