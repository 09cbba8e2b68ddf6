import { z } from 'zod';
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
  /** Set by `eitherOf`: the evidenced shapes of one answer, tried in order. */
  alternatives?: ReadonlyArray<Expectation<T>>;
}

export function published<T>(id: string, statement: string, schema: z.ZodType<T>): Expectation<T> {
  return { id, source: 'published', statement, schema };
}

export function assumed<T>(id: string, statement: string, schema: z.ZodType<T>): Expectation<T> {
  return { id, source: 'unpublished', statement, schema };
}

/**
 * An answer that evidence shows in more than one shape (the docs or our first guess, and what a
 * working client saw): the first shape that matches is read, and the log names the one that did.
 */
export function eitherOf<T>(...alternatives: [Expectation<T>, Expectation<T>, ...Array<Expectation<T>>]): Expectation<T> {
  return {
    id: alternatives.map((alternative) => alternative.id).join(' | '),
    source: alternatives.every((alternative) => alternative.source === 'published') ? 'published' : 'unpublished',
    statement: alternatives.map((alternative) => alternative.statement).join(' Or: '),
    schema: z.union(alternatives.map((alternative) => alternative.schema)),
    alternatives,
  };
}

export interface Answer {
  /** Method and path template, e.g. `GET /accounts`. */
  operation: string;
  status: number;
  body: unknown;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Reads an answer against an expectation (the first of its alternatives that matches) and logs its redacted shape either way. */
export function checkAnswer<T>(expectation: Expectation<T>, answer: Answer, log: ShapeLog | undefined): Checked<T> {
  const alternatives = expectation.alternatives ?? [expectation];
  const problems: string[] = [];
  let matched: { id: string; value: T } | undefined;
  for (const alternative of alternatives) {
    const parsed = alternative.schema.safeParse(answer.body);
    if (parsed.success) {
      matched = { id: alternative.id, value: parsed.data };
      break;
    }
    const prefix = alternatives.length > 1 ? `${alternative.id}: ` : '';
    problems.push(...parsed.error.issues.slice(0, 5).map((issue) => `${prefix}${formatPath(issue.path)}: ${issue.message}`));
  }
  log?.record({
    operation: answer.operation,
    status: answer.status,
    expectation: matched?.id ?? expectation.id,
    matched: matched !== undefined,
    problems: matched ? [] : problems,
    shape: describeShape(answer.body),
  });
  return matched ? { ok: true, value: matched.value } : { ok: false, problems };
}

/** Like `checkAnswer`, but a mismatch is an error that names the expectation that failed. */
export function readAnswer<T>(expectation: Expectation<T>, answer: Answer, log: ShapeLog | undefined): T {
  const checked = checkAnswer(expectation, answer, log);
  if (checked.ok) return checked.value;
  const what = describeSources(expectation);
  throw new AssetPandaError(
    'unexpected-answer',
    `Asset Panda's answer to ${answer.operation} did not match ${what}: ${expectation.statement} Differences: ${checked.problems.join('; ')}. ` +
      'Use "Export diagnostics" on the options page and send the file to the extension\'s maintainers.',
    answer.status,
  );
}

function describeSources(expectation: Expectation<unknown>): string {
  const sources = new Set((expectation.alternatives ?? [expectation]).map((alternative) => alternative.source));
  if (sources.size > 1) return 'its published format, nor the other format the extension accepts';
  return sources.has('published') ? 'its published format' : 'what the extension assumes (Asset Panda does not publish this format)';
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the answer)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
