/**
 * The small HTTP server for the operations endpoints when no platform serves
 * HTTP (Telegram long polling, Slack Socket Mode, the console chat) or when
 * OPS_PORT asks for a port of their own. Any other path gets 404.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routeFor, type HttpRoute } from './routes.ts';

export interface OpsAddress {
  port: number;
  host: string;
}

export interface OpsServer {
  /** The port listened on (useful with port 0). */
  port: number;
  /** Stops listening and ends open connections. */
  close(): Promise<void>;
}

/** The configuration the decision below reads (src/config.ts). */
export interface OpsListenConfig {
  /** OPS_PORT: a port of their own, whatever else runs. */
  opsPort: number | undefined;
  /** OPS_HOST (default 0.0.0.0). */
  opsHost: string;
  /** PORT: the standalone server's port when no platform serves HTTP. */
  port: number | undefined;
}

/**
 * Where the standalone server listens, or `undefined` for none:
 * 1. OPS_PORT set — there, always (and the platforms' servers do not mount them);
 * 2. the console chat — nowhere: the quick start opens no port;
 * 3. a platform serves HTTP (Slack over HTTP or with OAuth install pages, the
 *    Telegram webhook) — nowhere: the endpoints are mounted on that server;
 * 4. otherwise on PORT when set, else nowhere.
 */
export function standaloneAddress(config: OpsListenConfig, mode: 'console' | 'platforms', mounted: boolean): OpsAddress | undefined {
  if (config.opsPort !== undefined) return { port: config.opsPort, host: config.opsHost };
  if (mode === 'console' || mounted || config.port === undefined) return undefined;
  return { port: config.port, host: config.opsHost };
}

export async function startOpsServer(routes: readonly HttpRoute[], address: OpsAddress): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const route = routeFor(routes, req);
    if (route) return route.handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closed: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        // Probes hold keep-alive connections: idle ones end now, a scrape in progress gets a moment.
        const grace = setTimeout(() => server.closeAllConnections(), 1000);
        grace.unref();
        server.close(() => {
          clearTimeout(grace);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}
