/**
 * The operations endpoints as plain node:http handlers, so any server keepwarm
 * runs can mount them: bolt's `customRoutes` (Slack over HTTP), the Telegram
 * webhook server, or the small server of src/ops/server.ts.
 *
 * - `GET /healthz` — 200 `ok` while the process answers at all.
 * - `GET /readyz`  — 200 when the database answers and the migrations are
 *   current; 503 with a JSON reason otherwise (also from SIGTERM on).
 * - `GET /metrics` — Prometheus text format.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Health } from './health.ts';
import type { Metrics } from './metrics.ts';

/** A route as bolt's `customRoutes` takes it (structurally: src/ops does not import bolt). */
export interface HttpRoute {
  path: string;
  method: 'GET';
  handler(req: IncomingMessage, res: ServerResponse): void;
}

export function opsRoutes(health: Health, metrics: Metrics): HttpRoute[] {
  return [
    { path: '/healthz', method: 'GET', handler: (_req, res) => send(res, 200, 'text/plain; charset=utf-8', 'ok\n') },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_req, res) => {
        void health.readiness().then((state) => {
          const body = state.ready ? { status: 'ready' } : { status: 'not ready', reason: state.reason, ...(state.pending ? { pending: state.pending } : {}) };
          send(res, state.ready ? 200 : 503, 'application/json', `${JSON.stringify(body)}\n`);
        });
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        metrics.text().then(
          (text) => send(res, 200, metrics.contentType, text),
          () => send(res, 500, 'text/plain; charset=utf-8', 'metrics failed\n'),
        );
      },
    },
  ];
}

/** The route for a request, by path and method; `undefined` when none matches. */
export function routeFor(routes: readonly HttpRoute[], req: IncomingMessage): HttpRoute | undefined {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  return routes.find((route) => route.path === path && route.method === req.method);
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}
