/**
 * The import thread itself: parsing and planning (work.ts), which take
 * seconds for a file of 50,000 contacts, run here so the main thread keeps
 * answering everyone else meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import type { ThreadRequest } from './protocol.ts';
import { importWork } from './work.ts';

const port = parentPort;
if (!port) throw new Error('the import thread runs in a worker thread');
const work = importWork();

port.on('message', (request: ThreadRequest) => {
  const reply = work.answer(request);
  if (reply) port.postMessage(reply);
});
