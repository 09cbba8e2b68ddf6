/** Field names that hold something a person needs to sign in or configure the extension against the sandbox. */
const CREDENTIAL_KEY = /^(tenant_?(id|domain)|client_?id|app_?id|application_?id|key_?id|secret|subdomain|redirect_?uris?|user_?principal_?name)$/i;
const MAX_DEPTH = 4;
const MAX_ITEMS = 5;

/**
 * The credential-like values anywhere in a part of the sandbox world, as `path = value` lines.
 * It reads the world by field names rather than by type, so it keeps working while the
 * imitations' state shapes change.
 */
export function credentialLines(label: string, value: unknown): string[] {
  const lines: string[] = [];
  walk(value, label, 0, lines);
  return lines;
}

function walk(value: unknown, path: string, depth: number, lines: string[]): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  const entries: Array<[string, unknown]> =
    value instanceof Map
      ? [...value.entries()].slice(0, MAX_ITEMS).map(([k, v]) => [`[${String(k)}]`, v])
      : Array.isArray(value)
        ? value.slice(0, MAX_ITEMS).map((v, i) => [`[${i}]`, v])
        : Object.entries(value).map(([k, v]) => [`.${k}`, v]);
  for (const [key, child] of entries) {
    const childPath = `${path}${key}`;
    const name = key.replace(/^\./, '');
    if (CREDENTIAL_KEY.test(name) && (typeof child === 'string' || (Array.isArray(child) && child.every((c) => typeof c === 'string')))) {
      if (String(child) !== '') lines.push(`${childPath} = ${String(child)}`);
    } else {
      walk(child, childPath, depth + 1, lines);
    }
  }
}
