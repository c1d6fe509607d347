/**
 * Reading and planning an import off the main thread. A file of 50,000
 * contacts takes seconds to parse and plan; on the main thread that would be
 * seconds in which no other user gets an answer. Here each import gets a
 * worker thread of its own (node:worker_threads): the main thread only posts
 * the file, loads the user's network from the database, and receives the
 * summary (or the plan to apply).
 *
 * At most `MAX_THREADS` imports run at once (one core is left to the main
 * thread); more wait their turn. A thread has a heap limit of its own, so a
 * file that would exhaust memory ends its thread, not keepwarm.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LocalDate } from '../core/types.ts';
import type { ImportFile } from '../import/parse.ts';
import type { ImportPlan, PlanContext } from '../import/plan.ts';
import type { ImportRefusal, ImportSource } from '../import/record.ts';
import type { ImportSummary } from '../import/summary.ts';
import type { ThreadAnswer, ThreadRequest } from './protocol.ts';
import { importWork } from './work.ts';

const MAX_THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));
/** Room for a 20 MB file of 50,000 contacts read and planned (about 10× its size), far below the machine's. */
const HEAP_LIMIT_MB = 768;

export interface ImportPreviewed {
  summary: ImportSummary;
  /** True when confirming would change nothing. */
  noop: boolean;
  /** The read file as it is kept until the user confirms (payload.ts). */
  payload: string;
}

/** One import's thread, after it read the file. Ends after `preview` or `plan`, or with `close`. */
export interface ImportThread {
  source: ImportSource;
  preview(fileName: string, context: PlanContext): Promise<ImportPreviewed>;
  plan(context: PlanContext): Promise<ImportPlan>;
  close(): Promise<void>;
}

/** A file the user sent, read in a thread of its own; a refusal when it cannot be imported. */
export function readImportFile(file: ImportFile, today: LocalDate): Promise<ImportThread | ImportRefusal> {
  // Copied once into memory of its own, which is then moved to the thread
  // (a Buffer may share its memory with others, and the caller keeps it).
  const copy = new ArrayBuffer(file.content.byteLength);
  const content = new Uint8Array(copy);
  content.set(file.content);
  return open({ type: 'read-file', name: file.name, content, today }, [copy]);
}

/** A read file kept until the user confirmed (its JSON), read again in a thread of its own. */
export async function readSavedImport(payload: string): Promise<ImportThread> {
  const opened = await open({ type: 'read-saved', payload });
  if ('refused' in opened) throw new Error('a saved import cannot be refused');
  return opened;
}

/** Threads waiting for the next import, kept warm: starting one (tsx loading the parsers) takes a second or more. */
const idle: Worker[] = [];
let threads = 0;
const waiting: (() => void)[] = [];
/** An idle thread ends after this long without an import. */
const IDLE_MS = 5 * 60_000;
const idleTimers = new WeakMap<Worker, NodeJS.Timeout>();

function startThread(): Worker {
  const worker = new Worker(new URL('./bootstrap.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
  // A thread that fails or ends is never handed out again.
  const forget = () => {
    const at = idle.indexOf(worker);
    if (at < 0) return;
    idle.splice(at, 1);
    threads--;
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  return worker;
}

/** A thread for one import: an idle one, a new one, or the next one freed. */
async function takeThread(): Promise<Worker> {
  for (;;) {
    const worker = idle.pop();
    if (worker) {
      clearTimeout(idleTimers.get(worker));
      worker.ref();
      return worker;
    }
    if (threads < MAX_THREADS) {
      threads++;
      try {
        return startThread();
      } catch (error) {
        threads--;
        throw error;
      }
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

/** After an import: a healthy thread waits for the next one (not keeping the process alive); a broken one is ended. */
function giveBack(worker: Worker, healthy: boolean): Promise<void> {
  const done = healthy ? Promise.resolve() : worker.terminate().then(() => undefined);
  if (healthy) {
    // The file it read is dropped now, not when the next import comes.
    worker.postMessage({ type: 'reset' } satisfies ThreadRequest);
    worker.unref();
    idle.push(worker);
    const timer = setTimeout(() => {
      const at = idle.indexOf(worker);
      if (at < 0) return;
      idle.splice(at, 1);
      threads--;
      void worker.terminate();
    }, IDLE_MS);
    timer.unref();
    idleTimers.set(worker, timer);
  } else threads--;
  waiting.shift()?.();
  return done;
}

/** The way to one import's work: a worker thread, or (readImportsInThisThread) this thread. */
interface Channel {
  /** The answer; a failure the work reported rejects with a ThreadFailure. */
  ask(request: ThreadRequest, transfer?: ArrayBuffer[]): Promise<ThreadAnswer>;
  close(): Promise<void>;
}

let inThisThread = false;

/**
 * For a process that serves nobody else (the `keepwarm import` command):
 * imports are read in its own thread, without a worker's start-up time.
 */
export function readImportsInThisThread(): void {
  inThisThread = true;
}

function failure(reply: Extract<ThreadAnswer, { type: 'failed' }>): ThreadFailure {
  return Object.assign(new ThreadFailure(reply.message), { name: reply.name, ...(reply.stack ? { stack: reply.stack } : {}) });
}

function localChannel(): Channel {
  const work = importWork();
  return {
    async ask(request) {
      const reply = work.answer(request);
      if (!reply) throw new Error(`import work: no answer to ${request.type}`);
      if (reply.type === 'failed') throw failure(reply);
      return reply;
    },
    async close() {},
  };
}

async function workerChannel(): Promise<Channel> {
  const worker = await takeThread();
  const receiver = receiverFor(worker);
  let healthy = true;
  // An exchange not finished (an error on this side midway): its answers may still come, so the thread is not reused.
  let exchanging = false;
  let returned: Promise<void> | undefined;
  return {
    async ask(request, transfer = []) {
      exchanging = true;
      worker.postMessage(request, transfer);
      try {
        const reply = await receiver.next();
        exchanging = false;
        return reply;
      } catch (error) {
        // A failure the thread reported leaves it fine; any other (it died) does not.
        if (!(error instanceof ThreadFailure)) healthy = false;
        else exchanging = false;
        throw error;
      }
    },
    close() {
      receiver.stop();
      return (returned ??= giveBack(worker, healthy && !exchanging));
    },
  };
}

async function open(first: ThreadRequest, transfer: ArrayBuffer[] = []): Promise<ImportThread | ImportRefusal> {
  const channel = inThisThread ? localChannel() : await workerChannel();
  const close = () => channel.close();
  try {
    const reply = await channel.ask(first, transfer);
    if (reply.type === 'refused') {
      await close();
      return reply.refusal;
    }
    const read = expectAnswer(reply, 'read');
    return {
      source: read.source,
      async preview(fileName, context) {
        try {
          const { summary, noop, payload } = expectAnswer(await channel.ask({ type: 'preview', fileName, context }), 'previewed');
          return { summary, noop, payload };
        } finally {
          await close();
        }
      },
      async plan(context) {
        try {
          const { plan, parts } = expectAnswer(await channel.ask({ type: 'plan', context }), 'planned');
          for (let part = 0; part < parts; part++) plan.create.push(...expectAnswer(await channel.ask({ type: 'plan-part', part }), 'planned-part').create);
          return plan;
        } finally {
          await close();
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** An error the thread caught and reported: the thread itself is fine. */
class ThreadFailure extends Error {}

type Answer<T extends ThreadAnswer['type']> = Extract<ThreadAnswer, { type: T }>;

function expectAnswer<T extends ThreadAnswer['type']>(reply: ThreadAnswer, type: T): Answer<T> {
  if (reply.type !== type) throw new Error(`import thread: expected ${type}, got ${reply.type}`);
  return reply as Answer<T>;
}

/**
 * The thread's messages in order, whether or not someone waits for them yet
 * (a plan arrives as several); a failure in the thread, or its end, rejects
 * the one waited for. `stop` detaches it when the import is over.
 */
function receiverFor(worker: Worker) {
  const queue: ThreadAnswer[] = [];
  let waiter: { resolve: (reply: ThreadAnswer) => void; reject: (error: Error) => void } | undefined;
  let ended: Error | undefined;
  const settle = () => {
    if (!waiter) return;
    const { resolve, reject } = waiter;
    const reply = queue.shift();
    if (reply) {
      waiter = undefined;
      if (reply.type === 'failed') reject(failure(reply));
      else resolve(reply);
    } else if (ended) {
      waiter = undefined;
      reject(ended);
    }
  };
  const onMessage = (reply: ThreadAnswer) => {
    queue.push(reply);
    settle();
  };
  const onError = (error: Error) => {
    ended = error;
    settle();
  };
  const onExit = (code: number) => {
    ended ??= new Error(`import thread ended (exit code ${code})`);
    settle();
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  return {
    next: () =>
      new Promise<ThreadAnswer>((resolve, reject) => {
        waiter = { resolve, reject };
        settle();
      }),
    stop() {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    },
  };
}
