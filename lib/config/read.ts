import type { z } from 'zod';
import { isPlainObject, pathText } from './paths';
import { CONFIGURATION_KIND, CONFIGURATION_VERSION, ConfigurationSchema, configurationJsonSchema, type Configuration } from './schema';
import { findSecrets } from './secrets';
import { unknownKeys } from './unknown-keys';

export type ReadConfiguration = { ok: true; configuration: Configuration } | { ok: false; problems: string[] };

let jsonSchema: Record<string, unknown> | undefined;

/**
 * Reads a configuration document (an imported file, or the enterprise policy) and lists every
 * problem in words: not this extension's file, another format, a secret in it, keys it does not
 * know, values missing or out of range. Nothing is read from a document with any problem.
 */
export function readConfiguration(text: string): ReadConfiguration {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refused(`The file is not valid JSON (${error instanceof Error ? error.message : String(error)}). Export the configuration again from the options page.`);
  }
  if (!isPlainObject(raw) || raw.kind !== CONFIGURATION_KIND) {
    return refused(`This is not a configuration of Intune Companion for Asset Panda (its "kind" should be "${CONFIGURATION_KIND}"). Choose a file made by Export configuration.`);
  }
  if (raw.version !== CONFIGURATION_VERSION) {
    const newer = typeof raw.version === 'number' && raw.version > CONFIGURATION_VERSION;
    return refused(
      newer
        ? `This configuration is format ${raw.version}, written by a newer version of the extension; this one reads format ${CONFIGURATION_VERSION}. Update the extension, then import it again.`
        : `This configuration's "version" is ${JSON.stringify(raw.version) ?? 'missing'}; this extension reads format ${CONFIGURATION_VERSION}.`,
    );
  }

  const problems: string[] = [];
  const secrets = findSecrets(raw);
  for (const path of secrets) {
    problems.push(`${pathText(path)} holds a secret. A configuration never carries secrets or tokens: remove it, and enter the secret on the Connections page after the import.`);
  }
  const secretPaths = new Set(secrets.map(pathText));
  jsonSchema ??= configurationJsonSchema();
  for (const path of unknownKeys(raw, jsonSchema)) {
    if (!secretPaths.has(pathText(path))) problems.push(`${pathText(path)} is not a setting this extension knows. Remove it (or correct its spelling).`);
  }
  const parsed = ConfigurationSchema.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => describeIssue(issue, raw)));
  const ids = (parsed.success ? parsed.data.mappings : []).map((mapping) => mapping.id);
  for (const id of new Set(ids.filter((candidate, index) => ids.indexOf(candidate) !== index))) {
    problems.push(`Two mappings have the id "${id}". Each mapping needs its own id.`);
  }
  return parsed.success && problems.length === 0 ? { ok: true, configuration: parsed.data } : { ok: false, problems };
}

function refused(problem: string): ReadConfiguration {
  return { ok: false, problems: [problem] };
}

/** A zod issue in the admin's words, at its place in the file; a missing value says so. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const where = pathText(issue.path) || 'The file';
  const value = issue.path.reduce<unknown>((node, key) => (isPlainObject(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined), raw);
  if (value === undefined && issue.code === 'invalid_type') return `${where} is missing.`;
  return `${where}: ${issue.message}`;
}
