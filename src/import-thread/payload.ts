/**
 * A read file as it waits in import_plans.payload for the user's yes:
 * its ParsedImport as JSON, gzipped and in base64 behind a `gz:` mark. A
 * file of 50,000 contacts is some 18 MB of JSON and under 2 MB so, which
 * is what the main thread hands to the database and reads back. Plain JSON
 * (plans kept before this format) is read too.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ParsedImport } from '../import/record.ts';

const MARK = 'gz:';

export function encodePayload(parsed: ParsedImport): string {
  return MARK + gzipSync(JSON.stringify(parsed), { level: 1 }).toString('base64');
}

export function decodePayload(payload: string): ParsedImport {
  const json = payload.startsWith(MARK) ? gunzipSync(Buffer.from(payload.slice(MARK.length), 'base64')).toString('utf8') : payload;
  return JSON.parse(json) as ParsedImport;
}
