// Lets `npm start` and `npm test` work on a fresh clone: installs the locked
// dependencies (npm ci) only when node_modules does not hold them.
//
// Decided by content, never by file times: every package package-lock.json
// lists must be in node_modules at the locked version (optional packages, such
// as another platform's esbuild binary, may be absent). A node_modules copied
// with new times, or checked out beside an older lockfile, is used as it is.
//
// When an install is needed and fails (no network, registry down), the
// node_modules that was there is put back and the script says what failed:
// npm ci would otherwise leave it wiped.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const modules = join(root, 'node_modules');

/** What node_modules lacks of package-lock.json, as "name (why)" lines; empty when complete. */
function missingLockedPackages() {
  if (!existsSync(modules)) return ['node_modules (not there)'];
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  // npm ci --omit=dev (or NODE_ENV=production) leaves the dev tools out on purpose.
  const omitDev = process.env.NODE_ENV === 'production' || /(^|[\s,])dev($|[\s,])/.test(process.env.npm_config_omit ?? '');
  const missing = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.link) continue;
    const name = path.replace(/^.*node_modules\//, '');
    let installed;
    try {
      installed = JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8')).version;
    } catch {
      if (entry.optional || entry.devOptional || (entry.dev && omitDev)) continue;
      missing.push(`${name} (not installed)`);
      continue;
    }
    if (entry.version !== undefined && installed !== entry.version) missing.push(`${name} (${installed} installed, ${entry.version} locked)`);
  }
  return missing;
}

function summary(lines) {
  return lines.length <= 3 ? lines.join(', ') : `${lines.slice(0, 3).join(', ')} and ${lines.length - 3} more`;
}

const missing = missingLockedPackages();
if (missing.length > 0) {
  console.error(`keepwarm: node_modules does not match package-lock.json: ${summary(missing)}`);
  console.error('keepwarm: installing the locked dependencies (npm ci) …');
  // npm ci starts by deleting node_modules: keep it aside until the install succeeded.
  const previous = `${modules}.keepwarm-previous`;
  rmSync(previous, { recursive: true, force: true });
  const hadModules = existsSync(modules);
  if (hadModules) renameSync(modules, previous);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  const failed = result.error ? `could not run npm (${result.error.message})` : result.status !== 0 ? `npm ci failed (exit ${result.status ?? result.signal})` : undefined;
  if (failed) {
    rmSync(modules, { recursive: true, force: true });
    if (hadModules) renameSync(previous, modules);
    console.error(`keepwarm: ${failed}; see npm's message above (no network? check \`npm config get registry\`).`);
    console.error(
      hadModules
        ? `keepwarm: node_modules is back as it was (still not as locked: ${summary(missing)}).`
        : 'keepwarm: there is no node_modules; run `npm ci` once the registry is reachable.',
    );
    process.exit(1);
  }
  rmSync(previous, { recursive: true, force: true });
}
