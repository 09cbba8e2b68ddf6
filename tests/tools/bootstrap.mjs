// The project's command entry point: `node tests/tools/bootstrap.mjs <command> [options]`.
// Plain Node with no dependencies, because it runs on a fresh clone before node_modules exists:
// it installs what the command needs, then hands over to tests/tools/<command>.ts under tsx.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COMMANDS = {
  test: { needsChromium: true },
  start: { needsChromium: true },
  sandbox: { needsChromium: false },
  bench: { needsChromium: false },
};
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('../..', import.meta.url));

const [command, ...rest] = process.argv.slice(2);
// `node tests/tools/bootstrap.mjs sandbox -- --port 9443` reads like `npm run sandbox -- --port 9443`.
const args = rest[0] === '--' ? rest.slice(1) : rest;
if (!command || !Object.hasOwn(COMMANDS, command)) {
  console.error(`Usage: node tests/tools/bootstrap.mjs <${Object.keys(COMMANDS).join('|')}> [options]`);
  process.exit(2);
}

ensureDependencies();
const env = { ...process.env };
if (COMMANDS[command].needsChromium) env.CHROMIUM_PATH = ensureChromium();
process.exit(await handOver(command, args, env));

function ensureDependencies() {
  // A node_modules linked from another checkout is that checkout's to install: npm ci here would
  // empty it through the link.
  if (lstatSync(join(root, 'node_modules'), { throwIfNoEntry: false })?.isSymbolicLink()) return;
  // npm writes node_modules/.package-lock.json on every install: older than the lockfile means stale.
  const installed = join(root, 'node_modules', '.package-lock.json');
  const lockfile = join(root, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs) return;
  console.log('Installing dependencies: npm ci');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function ensureChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    fail(`CHROMIUM_PATH is set to ${configured}, which does not exist.`);
  }
  if (existsSync(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;
  if (canInstallWithApt()) {
    console.log('Chromium is missing: installing it with apt-get');
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], aptEnv);
    run('apt-get', ['install', '-y', 'chromium'], aptEnv);
    if (existsSync(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;
  }
  fail(
    [
      `Chromium was not found at ${DEFAULT_CHROMIUM}. The end-to-end tests and \`npm start\` need it.`,
      'Install it, then run the command again:',
      '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary:',
      '  CHROMIUM_PATH=/path/to/chromium npm test',
    ].join('\n'),
  );
}

function canInstallWithApt() {
  if (process.getuid?.() !== 0 || !existsSync('/etc/os-release')) return false;
  const release = readFileSync('/etc/os-release', 'utf8');
  const family = /^ID(?:_LIKE)?=(.*)$/gm;
  const ids = [...release.matchAll(family)].flatMap((m) => (m[1] ?? '').replace(/"/g, '').split(/\s+/));
  return ids.some((id) => id === 'debian' || id === 'ubuntu') && spawnSync('apt-get', ['--version']).status === 0;
}

function run(program, programArgs, runEnv = process.env) {
  const result = spawnSync(program, programArgs, { cwd: root, stdio: 'inherit', env: runEnv });
  if (result.status !== 0) fail(`\`${program} ${programArgs.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}).`);
}

function handOver(name, forwarded, childEnv) {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(root, 'tests', 'tools', `${name}.ts`), ...forwarded], {
    cwd: root,
    stdio: 'inherit',
    env: childEnv,
  });
  // Ctrl-C reaches the child through the terminal's process group; stay alive until it has cleaned up.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Could not start ${tsx}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
