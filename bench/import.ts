/**
 * Issue 6's benchmark: preview and import of a generated 10,000-card vCard
 * file and a 10,000-row LinkedIn Connections.csv, through the conversation
 * (a file sent in the chat, then the Import button), against the floor of the
 * parser alone on the same file (ical.js for the vCard, csv-parse for the
 * CSV). Each measurement runs in its own child process, so its peak memory
 * (maxRSS) is its own; three runs each, the median is printed.
 *
 * Issue 16's part: files built to stall the process (vCards with 80,000 and
 * 160,000 quoted-printable soft line breaks, a 50,000-contact keepwarm JSON),
 * and for each the longest the main thread was held during the preview and
 * the import — what every other user waits at most — against the floor of
 * reading the file once (JSON.parse, or splitting the vCard into lines).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { keepwarmExport, softBreakVcard } from '../test/doubles/big-files.ts';
import { heading, ms, ratio, table } from './lib.ts';

const CARDS = 10_000;
const RUNS = 3;
const OUT = 'bench/out';
const VCF = join(OUT, `import-${CARDS}.vcf`);
const CSV = join(OUT, `import-${CARDS}-Connections.csv`);
const NOW = new Date('2026-11-23T09:00:00Z');
const STALL_FILES = [
  ['vCard 2.1, 80,000 soft line breaks', join(OUT, 'stall-qp-80000.vcf'), () => softBreakVcard(80_000)],
  ['vCard 2.1, 160,000 soft line breaks', join(OUT, 'stall-qp-160000.vcf'), () => softBreakVcard(160_000)],
  ['keepwarm JSON, 50,000 contacts', join(OUT, 'stall-keepwarm-50000.json'), () => keepwarmExport(50_000)],
] as const;

const FIRST = ['Anna', 'Bob', 'Carla', 'Jürgen', 'Lena', 'Tom', 'Sophie', 'Jan', 'Ingrid', 'May', 'Omar', 'Priya', 'Ruth', 'Stefan', 'Yuki', 'Zoë', 'Emil', 'Greta', 'Hugo', 'Ida'];
const LAST = ['Schmidt', 'Meyer', 'Rossi', 'Müller', 'Vogel', 'Berg', 'Martin', 'de Vries', 'Larsen', 'Chen', 'Haddad', 'Patel', 'Klein', 'Wolf', 'Sato', 'Park', 'Weber', 'Fischer', 'Becker', 'Hoffmann'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Distinct invented people: a name pair plus a number, so no two collide. */
function person(i: number) {
  const first = FIRST[i % FIRST.length]!;
  const last = `${LAST[Math.floor(i / FIRST.length) % LAST.length]!}-${i}`;
  return { first, last, email: `p${i}@example.org`, company: `Firma ${i % 700} GmbH`, role: ['CEO', 'CTO', 'Head of Sales', 'Einkauf'][i % 4]! };
}

function generate(): void {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(VCF)) {
    const photo = Buffer.alloc(3000, 7).toString('base64');
    const folded = photo.match(/.{1,74}/g)!.join('\r\n ');
    const cards: string[] = [];
    for (let i = 0; i < CARDS; i++) {
      const p = person(i);
      cards.push(
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          'PRODID:-//Apple Inc.//macOS 14.4//EN',
          `N:${p.last};${p.first};;;`,
          `FN:${p.first} ${p.last}`,
          `ORG:${p.company};`,
          `TITLE:${p.role}`,
          `EMAIL;type=INTERNET;type=WORK;type=pref:${p.email}`,
          `TEL;type=CELL;type=VOICE;type=pref:+49 170 ${String(5550000 + i)}`,
          `NOTE:Met at the trade fair\\, hall ${i % 27}.\\nAsk about the tender\\; follow up in spring.`,
          ...(i % 20 === 0 ? [`PHOTO;ENCODING=b;TYPE=JPEG:${folded}`] : []),
          'END:VCARD',
        ].join('\r\n'),
      );
    }
    writeFileSync(VCF, cards.join('\r\n') + '\r\n');
  }
  if (!existsSync(CSV)) {
    const rows = [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ];
    for (let i = 0; i < CARDS; i++) {
      const p = person(i);
      const date = `${String((i % 28) + 1).padStart(2, '0')} ${MONTHS[i % 12]} ${2015 + (i % 11)}`;
      rows.push(`${p.first},${p.last},https://www.linkedin.com/in/p-${i},${i % 3 === 0 ? p.email : ''},"${p.company}, Berlin",${p.role},${date}`);
    }
    writeFileSync(CSV, rows.join('\n') + '\n');
  }
  for (const [, file, make] of STALL_FILES) if (!existsSync(file)) writeFileSync(file, make());
}

type Mode = 'floor-vcf' | 'floor-csv' | 'keepwarm-vcf' | 'keepwarm-csv' | 'floor-read' | 'keepwarm-stall';

interface Measured {
  /** Preview (or the parser alone, for a floor). */
  previewMs: number;
  /** The confirmed import; 0 for a floor. */
  importMs: number;
  maxRssMb: number;
  heapDeltaMb: number;
  contacts: number;
  /** The longest the main thread was held during the preview, and during the import. */
  previewStallMs?: number;
  importStallMs?: number;
}

/** Watches the event loop: the longest gap between two 2 ms timer ticks since the last `reset`. */
function stallWatch() {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 2);
  return {
    reset() {
      last = performance.now();
      longest = 0;
    },
    /** The longest gap, once the timer had its turn after the work. */
    async longest() {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return longest;
    },
    stop: () => clearInterval(timer),
  };
}

/** One measurement, inside a child process. */
async function child(mode: Mode, file: string): Promise<Measured> {
  const content = readFileSync(file);
  if (mode === 'floor-read') {
    // Reading the file once: the least any reader does.
    const start = performance.now();
    const text = content.toString('utf8');
    const contacts = file.endsWith('.json') ? (JSON.parse(text) as { contacts: unknown[] }).contacts.length : text.split('\r\n').join('').length > 0 ? 1 : 0;
    return { previewMs: performance.now() - start, importMs: 0, maxRssMb: process.resourceUsage().maxRSS / 1024, heapDeltaMb: 0, contacts };
  }
  if (mode === 'floor-vcf' || mode === 'floor-csv') {
    const parseFloor =
      mode === 'floor-vcf'
        ? await (async () => {
            const ICAL = (await import('ical.js')).default;
            return (text: string) => (ICAL.parse(text) as unknown[]).length;
          })()
        : await (async () => {
            const { parse } = await import('csv-parse/sync');
            return (text: string) => parse(text, { from_line: 4, relax_column_count: true }).length - 1;
          })();
    parseFloor(mode === 'floor-vcf' ? 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Warm Up\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Warm Up\r\nEND:VCARD\r\n' : 'a\nb\nc\nx,y\n1,2\n');
    global.gc?.();
    const heap = process.memoryUsage().heapUsed;
    const start = performance.now();
    const contacts = parseFloor(content.toString('utf8'));
    const previewMs = performance.now() - start;
    return { previewMs, importMs: 0, maxRssMb: process.resourceUsage().maxRSS / 1024, heapDeltaMb: (process.memoryUsage().heapUsed - heap) / 2 ** 20, contacts };
  }
  const { createConversation } = await import('../src/bot/conversation.ts');
  const { openSqlite } = await import('../src/store/db.ts');
  const { migrateToLatest } = await import('../src/store/migrate.ts');
  const path = join(OUT, `import-bench-${process.pid}.db`);
  const database = openSqlite(path);
  try {
    await migrateToLatest(database.db);
    const bot = createConversation({ db: database.db });
    const from = { platform: 'console' as const, teamId: '', userId: 'bench' };
    const name = mode === 'keepwarm-stall' ? file.split('/').at(-1)! : mode === 'keepwarm-vcf' ? 'contacts.vcf' : 'Connections.csv';
    // Warm-up: a small file of the same kind, previewed and cancelled.
    await bot.handle({ from, chatId: 'c', file: { name, content: mode === 'keepwarm-vcf' ? Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Warm Up\r\nEND:VCARD\r\n') : Buffer.from('First Name,Last Name\nWarm,Up\n') } }, NOW);
    global.gc?.();
    const heap = process.memoryUsage().heapUsed;
    const stalls = stallWatch();
    let start = performance.now();
    const preview = await bot.handle({ from, chatId: 'c', file: { name, content } }, NOW);
    const previewMs = performance.now() - start;
    const previewStallMs = await stalls.longest();
    const button = preview[0]?.buttons?.[0]?.[0];
    if (!button) throw new Error(`no Import button: ${JSON.stringify(preview[0]?.text)}`);
    stalls.reset();
    start = performance.now();
    const done = await bot.handle({ from, chatId: 'c', action: button.action }, NOW);
    const importMs = performance.now() - start;
    const importStallMs = await stalls.longest();
    stalls.stop();
    const heapDeltaMb = (process.memoryUsage().heapUsed - heap) / 2 ** 20;
    if (!JSON.stringify(done[0]?.text).includes('Imported')) throw new Error(`import failed: ${JSON.stringify(done[0]?.text)}`);
    const row = await database.db.selectFrom('contacts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { previewMs, importMs, maxRssMb: process.resourceUsage().maxRSS / 1024, heapDeltaMb, contacts: Number(row.n), previewStallMs, importStallMs };
  } finally {
    await database.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}

function runChild(mode: Mode, file: string): Measured {
  const script = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', script, '--bench-child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = result.stdout.split('\n').find((l) => l.startsWith('{'));
  if (result.status !== 0 || !line) throw new Error(`bench child ${mode} failed: ${result.stderr || result.stdout}`);
  return JSON.parse(line) as Measured;
}

function median(runs: Measured[], key: keyof Measured): number {
  const sorted = runs.map((r) => r[key] ?? NaN).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchImport(): Promise<void> {
  heading(`import: preview and import of ${CARDS.toLocaleString('en')} cards / rows, through the chat, vs. the parser alone (median of ${RUNS} child processes)`);
  generate();
  const rows: string[][] = [['file', 'size', 'parser floor', 'preview', 'preview/floor', 'import', '(preview+import)/floor', 'peak RSS floor', 'peak RSS keepwarm', 'heap Δ floor', 'heap Δ keepwarm']];
  for (const [label, file, floorMode, mode] of [
    ['vCard 3.0, 10,000 cards', VCF, 'floor-vcf', 'keepwarm-vcf'],
    ['LinkedIn CSV, 10,000 rows', CSV, 'floor-csv', 'keepwarm-csv'],
  ] as const) {
    const floor = Array.from({ length: RUNS }, () => runChild(floorMode, file));
    const kw = Array.from({ length: RUNS }, () => runChild(mode, file));
    if (kw[0]!.contacts !== CARDS || floor[0]!.contacts !== CARDS) throw new Error(`expected ${CARDS} contacts, got ${kw[0]!.contacts} / ${floor[0]!.contacts}`);
    const f = median(floor, 'previewMs');
    const p = median(kw, 'previewMs');
    const i = median(kw, 'importMs');
    rows.push([
      label,
      `${(readFileSync(file).length / 2 ** 20).toFixed(1)} MB`,
      ms(f),
      ms(p),
      ratio(p, f),
      ms(i),
      ratio(p + i, f),
      `${median(floor, 'maxRssMb').toFixed(0)} MB`,
      `${median(kw, 'maxRssMb').toFixed(0)} MB`,
      `${median(floor, 'heapDeltaMb').toFixed(0)} MB`,
      `${median(kw, 'heapDeltaMb').toFixed(0)} MB`,
    ]);
  }
  console.log(table(rows));
  console.log('aim: preview and import each under 2 s, within 2x of the parser alone');

  heading('import: files built to stall the process — how long the main thread is held (what other users wait at most), vs. reading the file once');
  const stallRows: string[][] = [['file', 'size', 'read once (floor)', 'preview', 'held in preview', 'held/floor', 'import', 'held in import', 'held/floor']];
  for (const [label, file] of STALL_FILES) {
    const floor = median(Array.from({ length: RUNS }, () => runChild('floor-read', file)), 'previewMs');
    const kw = Array.from({ length: RUNS }, () => runChild('keepwarm-stall', file));
    const held = median(kw, 'previewStallMs');
    const heldImport = median(kw, 'importStallMs');
    stallRows.push([
      label,
      `${(readFileSync(file).length / 2 ** 20).toFixed(2)} MB`,
      ms(floor),
      ms(median(kw, 'previewMs')),
      ms(held),
      ratio(held, floor),
      ms(median(kw, 'importMs')),
      ms(heldImport),
      ratio(heldImport, floor),
    ]);
  }
  console.log(table(stallRows));
  console.log('aim: the preview holds the main thread for well under a second, a fraction of reading the file once (the reading runs in a worker thread);');
  console.log('     the import applies its plan as one SQLite transaction: other users wait for its commit on SQLite, not on PostgreSQL');
}

const at = process.argv.indexOf('--bench-child');
if (at >= 0) {
  const result = await child(process.argv[at + 1] as Mode, process.argv[at + 2]!);
  console.log(JSON.stringify(result));
}
