import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The schema tests' data: a trimmed extract of Microsoft's published Graph schema and the docs'
 * managedDevice samples, kept in the repository and written by `npm run schema:extract`.
 */
export const EXTRACT_DIR = fileURLToPath(new URL('microsoft/', import.meta.url));

export const EXTRACT_FILES = {
  csdl: 'v1.0-Prod.extract.csdl',
  openApi: 'DeviceManagement.extract.yml',
  docsSamples: 'graph-manageddevice-docs-samples.json',
  notes: 'README.md',
} as const;

/** One file of the extract; missing, it fails the test that needs it with what to do about it. */
export function readExtract(name: keyof typeof EXTRACT_FILES): string {
  const file = `${EXTRACT_DIR}${EXTRACT_FILES[name]}`;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `The schema tests need ${file}, which cannot be read (${(error as Error).message}). ` +
        'Restore it from git, or regenerate the extract from Microsoft\'s published files: ' +
        'npm run schema:extract -- <folders holding them> (see README.md beside it).',
      { cause: error },
    );
  }
}
