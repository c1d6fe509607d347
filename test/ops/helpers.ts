/** Small pieces the ops tests share: a bot's Incoming, a database that fails on cue, reading the metrics text. */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Incoming } from '../../src/port.ts';

/** Monday 2026-11-23, 10:00 in Berlin. */
export const MONDAY = new Date('2026-11-23T09:00:00Z');

export function telegramText(userId: string, text: string, eventId?: string): Incoming {
  return {
    from: { platform: 'telegram', teamId: '', userId },
    chatId: userId,
    text,
    locale: 'en',
    timeZone: 'Europe/Berlin',
    ...(eventId !== undefined ? { eventId } : {}),
  };
}

/**
 * Inserting into `table` fails with an error that quotes the row's values —
 * as a database driver may (PostgreSQL's `detail`: "Failing row contains (…)").
 */
export function failingInsertsInto(table: string): KyselyPlugin {
  return {
    transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
      if (node.kind === 'InsertQueryNode' && JSON.stringify(node.into).includes(`"${table}"`)) {
        const row = `(${valuesOf(node).join(', ')})`;
        throw Object.assign(new Error(`insert refused: ${row}`), { code: 'TEST_REFUSED', detail: `Failing row contains ${row}` });
      }
      return node;
    },
    async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return result;
    },
  };
}

/** The value of one sample of the metrics text (`name{labels}`), or undefined when absent. */
export function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Every value in a query tree, in order. */
function valuesOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(valuesOf);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  if (record.kind === 'ValueNode') return [String(record.value)];
  if (record.kind === 'PrimitiveValueListNode') return (record.values as unknown[]).map(String);
  return Object.values(record).flatMap(valuesOf);
}
