/**
 * Fetching a document the user sent: `getFile` for its path, then
 * `${apiRoot}/file/bot${token}/${file_path}` (the same server as the API, so a
 * self-hosted Bot API or a test fake works alike). Never more than 20 MB.
 */
import type { Api } from 'grammy';
import type { TelegramConfig } from './config.ts';
import { MAX_DOWNLOAD_BYTES } from './incoming.ts';

export class FileTooLarge extends Error {
  override readonly name = 'FileTooLarge';
}

export async function downloadFile(api: Api, config: TelegramConfig, fileId: string, limit = MAX_DOWNLOAD_BYTES): Promise<Buffer> {
  const file = await api.getFile(fileId);
  if (file.file_size !== undefined && file.file_size > limit) throw new FileTooLarge(`${file.file_size} bytes`);
  if (!file.file_path) throw new Error('getFile returned no file_path');
  const url = `${config.apiRoot}/file/bot${config.token}/${file.file_path.split('/').map(encodeURIComponent).join('/')}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(config.tuning.requestTimeoutSeconds * 1000) });
  if (!response.ok || !response.body) throw new Error(`file download failed with HTTP ${response.status}`);
  // Counted while reading: a server that lies about the size cannot make us hold more.
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of response.body as AsyncIterable<Uint8Array>) {
    size += part.byteLength;
    if (size > limit) throw new FileTooLarge(`more than ${limit} bytes`);
    parts.push(Buffer.from(part));
  }
  return Buffer.concat(parts);
}
