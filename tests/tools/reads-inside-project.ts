// Vitest setup file: a test that reads a file outside the project fails at the read, so no test
// can depend on something a fresh clone does not have. Allowed besides the project: node_modules
// (wherever its symlink points), the OS temp folder and the system's own folders.
import fs, { type PathLike } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './paths.ts';

const SYSTEM = ['/usr', '/lib', '/lib64', '/bin', '/sbin', '/etc', '/proc', '/sys', '/dev'];

/** Every fs function that reads (or lists) by path, sync, callback and promise forms. */
const READERS = ['readFile', 'open', 'readdir', 'opendir', 'copyFile', 'cp'] as const;

const GUARDED = Symbol.for('intune-companion.reads-inside-project');

type Reader = (this: unknown, path: PathLike | number, ...rest: unknown[]) => unknown;

const allowedRoots: readonly string[] = [
  ...realAndAsGiven(projectRoot),
  ...realAndAsGiven(`${projectRoot}node_modules`),
  ...realAndAsGiven(tmpdir()),
  ...SYSTEM,
];

/** The absolute path a read outside the allowed places would touch, or undefined. */
function outsideProject(path: PathLike | number): string | undefined {
  if (typeof path === 'number') return undefined;
  // A URL of any implementation (Node's, happy-dom's) stringifies to its file: href.
  const absolute = resolve(typeof path === 'string' || Buffer.isBuffer(path) ? path.toString() : fileURLToPath(String(path)));
  return allowedRoots.some((root) => absolute === root || absolute.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) ? undefined : absolute;
}

function realAndAsGiven(path: string): string[] {
  const given = resolve(path);
  try {
    return [given, fs.realpathSync(given)];
  } catch {
    return [given];
  }
}

function guard(target: Record<string, unknown>, name: string): void {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function guarded(this: unknown, path: PathLike | number, ...rest: unknown[]) {
    const outside = outsideProject(path);
    if (outside) {
      throw new Error(`Tests read only inside the project, and ${outside} is outside it. Keep what the test needs in the repository.`);
    }
    return (original as Reader).call(this, path, ...rest);
  };
}

const state = globalThis as { [GUARDED]?: true };
if (!state[GUARDED]) {
  state[GUARDED] = true;
  const sync = fs as unknown as Record<string, unknown>;
  const promises = fs.promises as unknown as Record<string, unknown>;
  for (const reader of READERS) {
    guard(sync, reader);
    guard(sync, `${reader}Sync`);
    guard(promises, reader);
  }
  guard(sync, 'createReadStream');
  // `import { readFileSync } from 'node:fs'` sees the guarded functions too.
  syncBuiltinESMExports();
}
