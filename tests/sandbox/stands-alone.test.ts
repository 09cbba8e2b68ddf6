import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../tools/paths.ts';

// A fresh clone of the repository, with nothing beside it, passes `npm test`: nothing in it may
// point at the folders that sit beside the work tree on the build machines.
const FORBIDDEN = [/\.\.\/shared\b/, /\/work\//];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.output', '.wxt', '.sandbox']);
const TEXT = new Set(['.ts', '.tsx', '.mjs', '.js', '.json', '.md', '.yml', '.yaml', '.html', '.css', '.csdl', '']);
/** A path that starts by going up (`..`, `../x`), where a path can start: after a quote, bracket, space or `=`. */
const RELATIVE_PATH = /(?<=^|[\s'"`(=])\.\.(?![.\w])(?:\/[\w.@-]*)*/gm;

function projectFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED_FOLDERS.has(entry.name)) return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return projectFiles(path);
    return entry.isFile() && TEXT.has(extname(entry.name)) ? [path] : [];
  });
}

/** `file:line: what`, for every place in `text` that reaches outside the project. */
function outsideReferences(file: string, text: string): string[] {
  const where = (index: number): string => `${relative(projectRoot, file)}:${text.slice(0, index).split('\n').length}`;
  const named = FORBIDDEN.flatMap((pattern) => [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => `${where(m.index)}: ${m[0]}`));
  const climbing = [...text.matchAll(RELATIVE_PATH)]
    .filter((m) => relative(projectRoot, resolve(dirname(file), m[0])).startsWith('..'))
    .map((m) => `${where(m.index)}: ${m[0]} climbs above the project`);
  return [...named, ...climbing];
}

describe('the repository stands alone', () => {
  it('no source, config, test or document points outside the project', () => {
    // This file's own check of the check names the very paths it looks for.
    const files = projectFiles(projectRoot).filter((file) => file !== fileURLToPath(import.meta.url));
    expect(files.map((file) => relative(projectRoot, file))).toEqual(expect.arrayContaining(['README.md', 'package.json', 'vitest.config.ts']));
    expect(files.flatMap((file) => outsideReferences(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('the check finds a path to the shared folder, a /work path and a path that climbs out', () => {
    const file = join(projectRoot, 'tests/sandbox/example.ts');
    // Built from parts, so that this file itself holds no such path.
    const shared = ['..', '..', '..', 'shared', 'openapi'].join('/');
    const text = [`new URL('${shared}', import.meta.url);`, "readFileSync('/work/shared/x');", "import x from '../../../x.ts';", "import y from '../y.ts';", 'const all = { ...rest };'].join('\n');
    expect(outsideReferences(file, text)).toEqual([
      'tests/sandbox/example.ts:1: ../shared',
      'tests/sandbox/example.ts:2: /work/',
      `tests/sandbox/example.ts:1: ${shared} climbs above the project`,
      'tests/sandbox/example.ts:3: ../../../x.ts climbs above the project',
    ]);
  });

  it('a test that reads a file outside the project fails at the read', () => {
    // Not beside the project: a clone may sit in the temp folder, where reads are allowed.
    const outside = '/not-the-project';
    expect(() => readFileSync(`${outside}/data.json`)).toThrow(/outside it/);
    expect(() => readdirSync(outside)).toThrow(/outside it/);
    expect(readFileSync(join(projectRoot, 'package.json'), 'utf8')).toContain('"name"');
  });
});
