import { readFile, readdir } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxResponse } from '../http.ts';

const APP_DIR = fileURLToPath(new URL('./app/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A file of web/app, read on every request so that edits show on reload; undefined when absent. */
export async function appFile(name: string): Promise<SandboxResponse | undefined> {
  const files = await readdir(APP_DIR);
  if (!files.includes(name)) return undefined;
  const type = CONTENT_TYPES[extname(name)] ?? 'application/octet-stream';
  return { status: 200, headers: { 'content-type': type, 'cache-control': 'no-cache' }, body: await readFile(`${APP_DIR}${name}`, 'utf8') };
}
