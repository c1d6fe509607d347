/** Waits until something accepts connections on a port of 127.0.0.1 (a server a test started). */
import { connect } from 'node:net';

export async function waitForPort(port: number, host = '127.0.0.1', tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on ${host}:${port}`);
}
