/**
 * Slack's Socket Mode server, faked on the fake Web API's port: the WebSocket
 * that `apps.connections.open` names (RFC 6455 by hand: handshake, text
 * frames, ping/pong, close). Tests push envelopes — slash commands,
 * interactive payloads, events — and read the app's acknowledgements.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface Ack {
  envelope_id: string;
  payload?: unknown;
}

export class FakeSocketMode {
  private socket: Duplex | undefined;
  private buffer = Buffer.alloc(0);
  private readonly waiting = new Map<string, (ack: Ack) => void>();
  private connected: (() => void) | undefined;
  private counter = 0;
  /** Resolves when the app has connected and been greeted. */
  readonly ready: Promise<void>;

  constructor(server: Server) {
    this.ready = new Promise((resolve) => (this.connected = resolve));
    server.on('upgrade', (req: IncomingMessage, socket: Duplex) => this.accept(req, socket));
  }

  /** Sends an envelope (`slash_commands`, `interactive`, `events_api`); resolves with the app's ack. */
  send(type: string, payload: unknown, options: { envelopeId?: string; retryAttempt?: number } = {}): Promise<Ack> {
    const envelopeId = options.envelopeId ?? `env-${++this.counter}`;
    const acked = new Promise<Ack>((resolve) => this.waiting.set(envelopeId, resolve));
    this.write(0x1, JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: options.retryAttempt ?? 0, retry_reason: '' }));
    return acked;
  }

  close(): void {
    this.socket?.destroy();
  }

  private accept(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers['sec-websocket-key'];
    if (!key || !req.url?.startsWith('/link')) {
      socket.destroy();
      return;
    }
    const accept = createHash('sha1').update(key + GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => undefined);
    this.write(0x1, JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'AKEEPWARM' }, debug_info: { host: 'fake', approximate_connection_time: 3600 } }));
    this.connected?.();
  }

  /** A server frame: final, unmasked. */
  private write(opcode: number, data: string | Buffer): void {
    const payload = typeof data === 'string' ? Buffer.from(data) : data;
    const head =
      payload.length < 126
        ? Buffer.from([0x80 | opcode, payload.length])
        : payload.length < 65536
          ? Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff])
          : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(payload.length)]);
    this.socket?.write(Buffer.concat([head, payload]));
  }

  /** Client frames are masked; one chunk may hold several frames or part of one. */
  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = this.buffer[0]! & 0x0f;
      let length = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (this.buffer[1]! & 0x80) !== 0;
      const mask = masked ? this.buffer.subarray(offset, offset + 4) : undefined;
      if (masked) offset += 4;
      if (this.buffer.length < offset + length) return;
      const payload = Buffer.from(this.buffer.subarray(offset, offset + length));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      this.buffer = this.buffer.subarray(offset + length);
      this.frame(opcode, payload);
    }
  }

  private frame(opcode: number, payload: Buffer): void {
    if (opcode === 0x9) return this.write(0xa, payload);
    if (opcode === 0x8) {
      this.write(0x8, payload);
      this.socket?.end();
      return;
    }
    if (opcode !== 0x1) return;
    const ack = JSON.parse(payload.toString('utf8')) as Ack;
    this.waiting.get(ack.envelope_id)?.(ack);
    this.waiting.delete(ack.envelope_id);
  }
}

function bigLength(n: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(n));
  return buffer;
}
