/**
 * A local HTTP server for iCalendar URLs: serves fixture files at secret
 * paths, counts requests per path, and can answer the way troublesome
 * servers do — a file of 50 MB, a redirect loop, no answer at all.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface CalendarServer {
  url(path: string): string;
  /** Serves `body` at `path` (replacing what was there). */
  serve(path: string, body: string | ((res: ServerResponse) => void)): void;
  requests(path: string): number;
  stop(): Promise<void>;
}

export async function startCalendarServer(): Promise<CalendarServer> {
  const routes = new Map<string, string | ((res: ServerResponse) => void)>();
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (route === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    if (typeof route === 'function') return route(res);
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' }).end(route);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, body) => void routes.set(path, body),
    requests: (path) => counts.get(path) ?? 0,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An endless stream of calendar-looking text (50 MB and more), sent in chunks. */
export function hugeCalendar(bytes: number): (res: ServerResponse) => void {
  return (res) => {
    res.writeHead(200, { 'content-type': 'text/calendar' });
    res.write('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n');
    const chunk = Buffer.from('BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:padding padding padding padding\r\nEND:VEVENT\r\n'.repeat(1000));
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end('END:VCALENDAR\r\n');
    };
    res.on('error', () => undefined);
    pump();
  };
}
