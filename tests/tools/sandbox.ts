// `npm run sandbox [-- --port 8443 --fleet-size 50 --seed 1]`: the sandbox alone, for manual use, until Ctrl-C.
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/server.ts';
import { SANDBOX_HOSTS } from '../sandbox/tls.ts';
import { credentialLines } from './credentials.ts';
import { extensionDir } from './paths.ts';
import { isPortFree } from './ports.ts';
import { untilInterrupted } from './signals.ts';

const USAGE = 'Usage: npm run sandbox -- [--port 8443] [--fleet-size <devices>] [--seed <number>]';
const { values } = parseOptions();
const port = wholeNumber('--port', values.port, 1);
const fleetSize = values['fleet-size'] === undefined ? undefined : wholeNumber('--fleet-size', values['fleet-size'], 1);
const seed = values.seed === undefined ? undefined : wholeNumber('--seed', values.seed, 0);

if (!(await isPortFree(port))) {
  console.error(`Port ${port} is in use. Choose another one: npm run sandbox -- --port <port>`);
  process.exit(1);
}
const sandbox = await startSandbox({ port, fleetSize, seed });
const { world } = sandbox;

console.log(
  [
    `Sandbox listening on https://127.0.0.1:${sandbox.port} (self-signed certificate)`,
    `Fleet: ${world.options.fleetSize} devices, seed ${world.options.seed}`,
    '',
    'Hosts it answers for, at their real names:',
    ...SANDBOX_HOSTS.filter((host) => host !== 'localhost').map((host) => `  ${host}`),
    '',
    'Directory:',
    `  tenant ${world.directory.tenantId} (${world.directory.tenantDomain})`,
    ...world.directory.users.slice(0, 2).map((user) => `  ${user.userPrincipalName}${user.intuneRole ? ' (Intune administrator)' : ' (no Intune role)'}`),
    '',
    'Credentials in the world:',
    ...[...credentialLines('entra', world.entra), ...credentialLines('assetPanda', world.assetPanda)].map((line) => `  ${line}`),
    '',
    'Point Chromium at it (build the extension first with `npm run build`):',
    '  chromium --user-data-dir="$(mktemp -d)" \\',
    `    --host-resolver-rules="${sandbox.hostResolverRules}" \\`,
    '    --ignore-certificate-errors \\',
    `    --load-extension=${extensionDir} \\`,
    '    https://assetpanda.app/',
    '',
    'Press Ctrl-C to stop.',
  ].join('\n'),
);

await untilInterrupted();
await sandbox.close();

function parseOptions() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '8443' },
        'fleet-size': { type: 'string' },
        seed: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

function wholeNumber(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    console.error(`${flag} needs a whole number of at least ${min}, not "${text}".`);
    process.exit(2);
  }
  return value;
}
