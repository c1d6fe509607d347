/**
 * /healthz, /readyz and /metrics on the standalone ops server (what OPS_PORT
 * starts): alive while the process answers; ready only while the database
 * answers, the migrations are current and no shutdown has begun.
 */
import { sql, type KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createOps, type Ops } from '../../src/ops/endpoints.ts';
import type { Database } from '../../src/store/db.ts';
import { folderMigrations } from '../../src/store/migrate.ts';
import { testDatabase } from '../doubles/database.ts';

let database: Database | undefined;
let ops: Ops | undefined;
afterEach(async () => {
  await ops?.close();
  await database?.close();
  ops = undefined;
  database = undefined;
});

async function start(options: Parameters<typeof createOps>[0]['health'] = {}, plugin?: KyselyPlugin) {
  database = await testDatabase();
  ops = createOps({ db: plugin ? database.db.withPlugin(plugin) : database.db, health: options, metrics: { defaultMetrics: false } });
  const server = (await ops.listen({ port: 0, host: '127.0.0.1' }))!;
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`http://127.0.0.1:${server.port}${path}`, init);
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  };
  return { get };
}

describe('the ops server', () => {
  it('answers /healthz with 200 ok and /readyz with 200 when the database answers and every migration is applied', async () => {
    const { get } = await start();
    expect(await get('/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
    const ready = await get('/readyz');
    expect(ready).toMatchObject({ status: 200, type: 'application/json' });
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready' });
  });

  it('serves /metrics in the Prometheus text format', async () => {
    const { get } = await start();
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toContain('text/plain; version=0.0.4');
    expect(metrics.body).toContain('# TYPE keepwarm_updates_total counter');
    expect(metrics.body).toContain('keepwarm_outbox_depth{status="pending"} 0');
  });

  it('answers 404 to any other path or method', async () => {
    const { get } = await start();
    expect((await get('/')).status).toBe(404);
    expect((await get('/slack/events')).status).toBe(404);
    expect((await get('/healthz/more')).status).toBe(404);
    expect((await get('/healthz', { method: 'POST', body: 'x' })).status).toBe(404);
  });

  it('is not ready while a migration file is not applied to the database', async () => {
    const { get } = await start();
    const last = Object.keys(await folderMigrations.getMigrations()).sort().at(-1)!;
    await sql`delete from kysely_migration where name = ${last}`.execute(database!.db);
    const response = await get('/readyz');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({ status: 'not ready', reason: 'migrations pending', pending: [last] });
    expect((await get('/healthz')).status).toBe(200);
  });

  it('is not ready when the database is closed, yet still alive', async () => {
    const { get } = await start();
    await database!.close();
    database = undefined;
    const response = await get('/readyz');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({ status: 'not ready', reason: 'database unreachable' });
    expect(await get('/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
  });

  it('is not ready when the database does not answer in time', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const hang: KyselyPlugin = {
      transformQuery: ({ node }) => node,
      transformResult: async ({ result }) => {
        await gate;
        return result;
      },
    };
    const { get } = await start({ timeoutMs: 50 }, hang);
    const response = await get('/readyz');
    release();
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({ status: 'not ready', reason: 'database timed out' });
  });

  it('is not ready from the moment shutdown begins, while /healthz stays 200', async () => {
    const { get } = await start();
    expect((await get('/readyz')).status).toBe(200);
    ops!.beginShutdown();
    const response = await get('/readyz');
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({ status: 'not ready', reason: 'shutting down' });
    expect((await get('/healthz')).status).toBe(200);
  });
});
