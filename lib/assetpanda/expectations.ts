import type { z } from 'zod';
import { describeShape, type ShapeLog } from './diagnostics';
import { AssetPandaError } from './errors';

/**
 * What the client expects an Asset Panda answer to look like. Published expectations follow
 * docs.api.assetpanda.app (published.ts); assumed ones fill its gaps (unpublished.ts). When a real
 * answer differs, the error quotes the statement, so the admin (and we) learn which one failed.
 */
export interface Expectation<T> {
  id: string;
  source: 'published' | 'unpublished';
  statement: string;
  schema: z.ZodType<T>;
}

export function published<T>(id: string, statement: string, schema: z.ZodType<T>): Expectation<T> {
  return { id, source: 'published', statement, schema };
}

export function assumed<T>(id: string, statement: string, schema: z.ZodType<T>): Expectation<T> {
  return { id, source: 'unpublished', statement, schema };
}

export interface Answer {
  /** Method and path template, e.g. `GET /accounts`. */
  operation: string;
  status: number;
  body: unknown;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Reads an answer against an expectation and logs its redacted shape either way. */
export function checkAnswer<T>(expectation: Expectation<T>, answer: Answer, log: ShapeLog | undefined): Checked<T> {
  const parsed = expectation.schema.safeParse(answer.body);
  const problems = parsed.success ? [] : parsed.error.issues.slice(0, 5).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  log?.record({
    operation: answer.operation,
    status: answer.status,
    expectation: expectation.id,
    matched: parsed.success,
    problems,
    shape: describeShape(answer.body),
  });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems };
}

/** Like `checkAnswer`, but a mismatch is an error that names the expectation that failed. */
export function readAnswer<T>(expectation: Expectation<T>, answer: Answer, log: ShapeLog | undefined): T {
  const checked = checkAnswer(expectation, answer, log);
  if (checked.ok) return checked.value;
  const what = expectation.source === 'published' ? 'its published format' : 'what the extension assumes (Asset Panda does not publish this format)';
  throw new AssetPandaError(
    'unexpected-answer',
    `Asset Panda's answer to ${answer.operation} did not match ${what}: ${expectation.statement} Differences: ${checked.problems.join('; ')}. ` +
      'Use "Export diagnostics" on the options page and send the file to the extension\'s maintainers.',
    answer.status,
  );
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the answer)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
