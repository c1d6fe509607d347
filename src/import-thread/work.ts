/**
 * What an import thread does with each request: read the file (or the saved
 * plan), plan it against the network it is given, and hand out the plan in
 * slices. Pure work on plain data, no database; worker.ts runs it in a
 * worker thread, and a process that serves nobody else (the `keepwarm
 * import` command) may run it in its own thread (thread.ts).
 */
import { parseImportFile } from '../import/parse.ts';
import { planImport, type ImportPlan } from '../import/plan.ts';
import { isRefusal, type ParsedImport } from '../import/record.ts';
import { isNoop, summarize } from '../import/summary.ts';
import { decodePayload, encodePayload } from './payload.ts';
import { PLAN_SLICE, type ThreadAnswer, type ThreadRequest } from './protocol.ts';

export interface ImportWork {
  /** The answer to a request; undefined for `reset`, which has none. */
  answer(request: ThreadRequest): ThreadAnswer | undefined;
}

export function importWork(): ImportWork {
  let parsed: ParsedImport | undefined;
  let planned: ImportPlan | undefined;

  function mustHave<T>(value: T | undefined): T {
    if (value === undefined) throw new Error('nothing read or planned yet');
    return value;
  }

  function answer(request: Exclude<ThreadRequest, { type: 'reset' }>): ThreadAnswer {
    switch (request.type) {
      case 'read-file': {
        const content = Buffer.from(request.content.buffer, request.content.byteOffset, request.content.byteLength);
        const result = parseImportFile({ name: request.name, content }, request.today);
        if (isRefusal(result)) return { type: 'refused', refusal: result };
        parsed = result;
        return { type: 'read', source: result.source };
      }
      case 'read-saved':
        parsed = decodePayload(request.payload);
        return { type: 'read', source: parsed.source };
      case 'preview': {
        const read = mustHave(parsed);
        const plan = planImport(read, request.context);
        return { type: 'previewed', summary: summarize(request.fileName, read, plan), noop: isNoop(plan), payload: encodePayload(read) };
      }
      case 'plan': {
        planned = planImport(mustHave(parsed), request.context);
        return { type: 'planned', plan: { ...planned, create: [] }, parts: Math.ceil(planned.create.length / PLAN_SLICE) };
      }
      case 'plan-part': {
        const start = request.part * PLAN_SLICE;
        return { type: 'planned-part', create: mustHave(planned).create.slice(start, start + PLAN_SLICE) };
      }
    }
  }

  return {
    answer(request) {
      if (request.type === 'reset') {
        parsed = undefined;
        planned = undefined;
        return undefined;
      }
      try {
        return answer(request);
      } catch (error) {
        // Only the kind of failure and where: a message may quote the file.
        const e = error instanceof Error ? error : new Error(String(error));
        return { type: 'failed', name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
      }
    },
  };
}
