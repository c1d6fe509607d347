/**
 * Operations in one piece for main.ts: readiness, metrics, the routes that
 * serve them, and the standalone server when one is needed. The metrics
 * object is the observer handed to the bot and the scheduler.
 */
import type { Kysely } from 'kysely';
import type { Logger } from '../log.ts';
import type { DB } from '../store/schema.ts';
import { createHealth, type Health, type HealthOptions } from './health.ts';
import { createMetrics, type Metrics, type MetricsOptions } from './metrics.ts';
import { opsRoutes, type HttpRoute } from './routes.ts';
import { startOpsServer, type OpsAddress, type OpsServer } from './server.ts';

export interface Ops {
  health: Health;
  /** The bot's and the scheduler's observer. */
  metrics: Metrics;
  /** /healthz, /readyz, /metrics, for the platforms' HTTP servers to mount. */
  routes: HttpRoute[];
  /** Starts the standalone server at `address` (nothing when undefined). */
  listen(address: OpsAddress | undefined): Promise<OpsServer | undefined>;
  /** /readyz answers 503 from now on; /healthz stays 200 until the servers close. */
  beginShutdown(): void;
  /** Closes the standalone server, if any: the last step of a shutdown. */
  close(): Promise<void>;
}

export interface OpsOptions {
  db: Kysely<DB>;
  log?: Pick<Logger, 'warn'> & Partial<Pick<Logger, 'info'>>;
  health?: Omit<HealthOptions, 'db'>;
  metrics?: Omit<MetricsOptions, 'db'>;
}

export function createOps(options: OpsOptions): Ops {
  const health = createHealth({ db: options.db, ...options.health });
  const metrics = createMetrics({ db: options.db, ...options.metrics });
  const routes = opsRoutes(health, metrics);
  let server: OpsServer | undefined;
  return {
    health,
    metrics,
    routes,
    async listen(address) {
      if (!address || server) return server;
      server = await startOpsServer(routes, address);
      options.log?.info?.({ host: address.host, port: server.port }, 'ops: /healthz, /readyz and /metrics listening');
      return server;
    },
    beginShutdown: () => health.beginShutdown(),
    async close() {
      await server?.close();
    },
  };
}
