// @ts-check
/**
 * keepwarm's layering as an ESLint rule (`keepwarm/layers`), checked on every
 * `npm run lint`: each import is resolved to the file it names, and the
 * importing file's layer decides whether it may point there. One table, one
 * place; docs/design.md §4 explains the layers and CONTRIBUTING.md what to do
 * when the rule stops you.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Layers that are pure: data in, data out, no I/O, no clock, no platform. */
const PURE = [
  'src/core', 'src/commands', 'src/import', 'src/export',
  // The sources' planner: what a calendar or mailbox means, decided without I/O.
  'src/sources/calendar-events.ts', 'src/sources/match.ts', 'src/sources/plan.ts',
  // Its vocabulary (types and the typed failure), which the command language names too.
  'src/sources/model.ts',
];

/** Packages that do I/O or speak to a platform: never in a pure layer. */
const IO_PACKAGES = [
  'kysely', 'better-sqlite3', 'pg', 'node-cron', 'pino', 'prom-client', 'grammy', '@grammyjs/', '@slack/',
  'node:fs', 'node:http', 'node:https', 'node:net', 'node:child_process', 'node:os', 'node:readline', 'node:worker_threads',
  'fs', 'http', 'https', 'net', 'child_process', 'os', 'readline',
];

/** Platform SDKs: only adapters/ may know them. */
const PLATFORM_PACKAGES = ['grammy', '@grammyjs/', '@slack/'];

/** The composition roots and the command line: they wire everything together, adapters included. */
const ROOTS = ['src/main.ts', 'src/cli.ts', 'src/cli-data.ts'];

/** The one door of the conversation for adapters. */
const CONVERSATION_DOOR = 'src/bot/conversation.ts';

/** `src/core/x.ts` is in `src/core`; `adapters/slack/x.ts` in `adapters`. */
function isIn(path, dir) {
  return path === dir || path.startsWith(`${dir}/`);
}

function isPackage(spec, names) {
  return names.some((name) => (name.endsWith('/') ? spec.startsWith(name) : spec === name || spec.startsWith(`${name}/`)));
}

/**
 * Why `from` may not import `spec` (resolved to `target` for a relative
 * import), or undefined when it may. Paths are relative to the repository.
 */
export function layerViolation(from, spec, target) {
  const pure = PURE.find((dir) => isIn(from, dir));
  if (target === undefined) {
    if (pure && isPackage(spec, IO_PACKAGES)) return `${pure} is pure: no I/O, no platform (${spec}).`;
    if (!isIn(from, 'adapters') && isPackage(spec, PLATFORM_PACKAGES)) return `only adapters/ may import a platform SDK (${spec}).`;
    return undefined;
  }
  if (pure) {
    const allowed = pure === 'src/core' ? ['src/core'] : PURE;
    if (!allowed.some((dir) => isIn(target, dir))) return `${pure} is pure: it may import only ${allowed.join(', ')} (not ${target}).`;
  }
  if (isIn(target, 'src/bot') && !isIn(from, 'src/bot') && !isIn(from, 'adapters') && !isIn(from, 'src/ops') && !ROOTS.includes(from)) {
    return `${target} belongs to the conversation: ${from} must not depend on it (dependencies point inward).`;
  }
  if (isIn(from, 'adapters')) {
    if (isIn(target, 'src/store') || isIn(target, 'src/commands')) return `adapters go through the conversation's one door (${CONVERSATION_DOOR}), never to ${target}.`;
    if (isIn(target, 'src/bot') && target !== CONVERSATION_DOOR) return `adapters may use only ${CONVERSATION_DOOR} of src/bot (not ${target}).`;
    if (isIn(target, 'src/scheduler') || isIn(target, 'src/migrate-data')) return `adapters do not drive ${target}: main.ts composes it.`;
  }
  if (isIn(target, 'adapters') && !isIn(from, 'adapters') && !ROOTS.includes(from)) {
    return `only the composition roots (${ROOTS.join(', ')}) may import an adapter (${target}).`;
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: "keepwarm's layers: dependencies point inward; pure layers do no I/O; adapters use one door" },
    schema: [],
  },
  create(context) {
    const from = relative(ROOT, context.filename).split(sep).join('/');
    if (from.startsWith('..') || !(isIn(from, 'src') || isIn(from, 'adapters'))) return {};
    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value;
      const target = spec.startsWith('.') ? relative(ROOT, resolve(dirname(context.filename), spec)).split(sep).join('/') : undefined;
      const why = layerViolation(from, spec, target);
      if (why) context.report({ node: source, message: why });
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { layers } };
