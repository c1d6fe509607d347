/**
 * Which port serves /healthz, /readyz and /metrics: OPS_PORT first; else the
 * platform's own HTTP server; else PORT; the console chat opens no port
 * unless OPS_PORT asks for one.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { standaloneAddress } from '../../src/ops/server.ts';

const config = (env: Record<string, string>) => loadConfig(env);

describe('the standalone ops server', () => {
  it('listens on OPS_PORT (and OPS_HOST) whenever OPS_PORT is set, console chat included', () => {
    const c = config({ OPS_PORT: '9091', OPS_HOST: '127.0.0.1', PORT: '3000' });
    expect(standaloneAddress(c, 'console', false)).toEqual({ port: 9091, host: '127.0.0.1' });
    expect(standaloneAddress(c, 'platforms', false)).toEqual({ port: 9091, host: '127.0.0.1' });
    expect(standaloneAddress(c, 'platforms', true)).toEqual({ port: 9091, host: '127.0.0.1' });
  });

  it('is not started for the console chat without OPS_PORT, even with PORT set: the quick start opens no port', () => {
    expect(standaloneAddress(config({}), 'console', false)).toBeUndefined();
    expect(standaloneAddress(config({ PORT: '3000' }), 'console', false)).toBeUndefined();
  });

  it('is not started when a platform serves HTTP: the endpoints are mounted there', () => {
    expect(standaloneAddress(config({ PORT: '3000' }), 'platforms', true)).toBeUndefined();
  });

  it('listens on PORT, on all interfaces by default, when the platforms serve no HTTP (long polling, Socket Mode)', () => {
    expect(standaloneAddress(config({ PORT: '8080' }), 'platforms', false)).toEqual({ port: 8080, host: '0.0.0.0' });
    expect(standaloneAddress(config({}), 'platforms', false)).toBeUndefined();
  });

  it('refuses a malformed OPS_PORT, naming it', () => {
    expect(() => config({ OPS_PORT: 'ninety' })).toThrow(ConfigError);
    expect(() => config({ OPS_PORT: '70000' })).toThrow(/OPS_PORT/);
    expect(config({ OPS_PORT: '' }).opsPort).toBeUndefined();
  });
});
