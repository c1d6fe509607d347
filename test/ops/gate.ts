/**
 * A proxy in front of the fake Bot API that holds the calls of one method
 * until the test lets them through: "a send in flight" for as long as a test
 * needs one, without any timing.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Gate {
  /** Put this where TELEGRAM_API_ROOT goes. */
  url: string;
  /** Calls waiting now. */
  held(): number;
  /** Lets the waiting calls through, and every later one. */
  open(): void;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

export async function holdCalls(target: string, method: string): Promise<Gate> {
  const waiting: (() => void)[] = [];
  let opened = false;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      if (!opened && new URL(req.url ?? '/', target).pathname.endsWith(`/${method}`)) await new Promise<void>((resolve) => waiting.push(resolve));
      const upstream = await fetch(`${target}${req.url}`, {
        method: req.method ?? 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }),
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held: () => waiting.length,
    open() {
      opened = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
