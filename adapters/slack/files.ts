/**
 * A file the user shared in the DM, fetched for the importer: `files.info`
 * names its private download URL, which needs the bot token as a Bearer
 * header (scope files:read). Only Slack's own hosts get the token.
 */
import type { webApi } from '@slack/bolt';
import type { IncomingFile } from '../../src/port.ts';
import { cleanInput } from '../../src/core/input-text.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The file kinds keepwarm reads: vCard and CSV. Anything else is named, not downloaded. */
function isImportable(name: string, filetype?: string): boolean {
  return /\.(vcf|vcard|csv)$/i.test(name) || filetype === 'csv' || filetype === 'vcard';
}

export type FileOutcome =
  | { kind: 'file'; file: IncomingFile }
  | { kind: 'too_large'; name: string }
  | { kind: 'not_importable'; name: string }
  | { kind: 'failed'; name: string };

/** Slack's file host, or the host of a configured API URL (a test fake, a proxy). */
function trusted(url: URL, apiUrl: string | undefined): boolean {
  if (url.protocol === 'https:' && (url.hostname === 'files.slack.com' || url.hostname.endsWith('.slack.com'))) return true;
  return apiUrl !== undefined && url.origin === new URL(apiUrl).origin;
}

async function readCapped(response: Response, max: number): Promise<Buffer | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function fetchSharedFile(options: {
  client: Pick<webApi.WebClient, 'files'>;
  token: string;
  fileId: string;
  apiUrl: string | undefined;
  fetch?: typeof fetch;
}): Promise<FileOutcome> {
  const info = await options.client.files.info({ file: options.fileId });
  const file = info.file;
  // Echoed in answers and, when imported, stored: cleaned like every text from outside.
  const name = cleanInput(file?.name ?? file?.title ?? 'file');
  if (!isImportable(name, file?.filetype)) return { kind: 'not_importable', name };
  if ((file?.size ?? 0) > MAX_FILE_BYTES) return { kind: 'too_large', name };
  const href = file?.url_private_download ?? file?.url_private;
  if (!href) return { kind: 'failed', name };
  const url = new URL(href);
  if (!trusted(url, options.apiUrl)) return { kind: 'failed', name };
  // No redirects: the token must not follow the request to another host.
  const response = await (options.fetch ?? fetch)(url, { headers: { authorization: `Bearer ${options.token}` }, redirect: 'error' });
  // Without files:read Slack answers with its login page, not the file.
  if (!response.ok || (response.headers.get('content-type') ?? '').startsWith('text/html')) return { kind: 'failed', name };
  const content = await readCapped(response, MAX_FILE_BYTES);
  if (!content) return { kind: 'too_large', name };
  return { kind: 'file', file: { name, content } };
}
