import { badRequest } from './errors.ts';

/** The subset of OData `$filter` syntax Graph clients send: comparisons, in, string functions, and/or/not. */
export type FilterLiteral =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'dateTime'; value: number }
  | { type: 'guid'; value: string };

export type CompareOperator = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';
export type FilterFunction = 'contains' | 'startswith' | 'endswith';

export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; operand: FilterExpr }
  | { kind: 'compare'; op: CompareOperator; property: string; value: FilterLiteral }
  | { kind: 'in'; property: string; values: FilterLiteral[] }
  | { kind: 'call'; fn: FilterFunction; property: string; value: FilterLiteral };

interface Token {
  kind: 'word' | 'string' | 'value' | '(' | ')' | ',';
  text: string;
  at: number;
}

const COMPARE = new Set<string>(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);
const FUNCTIONS = new Set<string>(['contains', 'startswith', 'endswith']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Parses a `$filter` value; a syntax error is Graph's 400 "Invalid filter clause". */
export function parseFilter(text: string): FilterExpr {
  const tokens = tokenize(text);
  let position = 0;

  const fail = (at: number, why: string): never => {
    throw badRequest(`Invalid filter clause: Syntax error at position ${at} in '${text}': ${why}`);
  };
  const peek = (): Token | undefined => tokens[position];
  const take = (): Token => tokens[position++] ?? fail(text.length, 'unexpected end of expression');
  const expect = (kind: Token['kind']): Token => {
    const token = take();
    return token.kind === kind ? token : fail(token.at, `expected '${kind}' but found '${token.text}'`);
  };
  const isWord = (word: string): boolean => {
    const token = peek();
    return token?.kind === 'word' && token.text === word;
  };

  const literal = (): FilterLiteral => {
    const token = take();
    if (token.kind === 'string') return { type: 'string', value: token.text };
    if (token.kind === 'word') {
      if (token.text === 'true' || token.text === 'false') return { type: 'boolean', value: token.text === 'true' };
      if (token.text === 'null') return { type: 'null' };
      if (GUID.test(token.text)) return { type: 'guid', value: token.text.toLowerCase() };
    }
    if (token.kind === 'value') {
      if (GUID.test(token.text)) return { type: 'guid', value: token.text.toLowerCase() };
      if (DATE_TIME.test(token.text) && !Number.isNaN(Date.parse(token.text))) return { type: 'dateTime', value: Date.parse(token.text) };
      if (NUMBER.test(token.text)) return { type: 'number', value: Number(token.text) };
    }
    return fail(token.at, `'${token.text}' is not a literal`);
  };

  const property = (): string => {
    const token = take();
    if (token.kind !== 'word' || COMPARE.has(token.text)) return fail(token.at, `expected a property name but found '${token.text}'`);
    return token.text;
  };

  const primary = (): FilterExpr => {
    const token = peek() ?? fail(text.length, 'unexpected end of expression');
    if (token.kind === '(') {
      take();
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.kind === 'word' && FUNCTIONS.has(token.text) && tokens[position + 1]?.kind === '(') {
      take();
      expect('(');
      const name = property();
      expect(',');
      const value = literal();
      expect(')');
      return { kind: 'call', fn: token.text as FilterFunction, property: name, value };
    }
    const name = property();
    const operator = take();
    if (operator.kind === 'word' && COMPARE.has(operator.text)) {
      return { kind: 'compare', op: operator.text as CompareOperator, property: name, value: literal() };
    }
    if (operator.kind === 'word' && operator.text === 'in') {
      expect('(');
      const values = [literal()];
      while (peek()?.kind === ',') {
        take();
        values.push(literal());
      }
      expect(')');
      return { kind: 'in', property: name, values };
    }
    return fail(operator.at, `expected an operator after '${name}' but found '${operator.text}'`);
  };

  const unary = (): FilterExpr => {
    if (isWord('not')) {
      take();
      return { kind: 'not', operand: unary() };
    }
    return primary();
  };

  /** `operand (word operand)*`, grouped from the left: `and` binds tighter than `or`. */
  const chain =
    (word: 'and' | 'or', operand: () => FilterExpr) =>
    (): FilterExpr => {
      let left = operand();
      while (isWord(word)) {
        take();
        left = { kind: word, left, right: operand() };
      }
      return left;
    };
  const and = chain('and', unary);
  const or = chain('or', and);

  if (tokens.length === 0) fail(0, 'the expression is empty');
  const expr = or();
  const extra = peek();
  if (extra) fail(extra.at, `unexpected '${extra.text}'`);
  return expr;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, text: ch, at: i });
      i++;
    } else if (ch === "'") {
      const [value, end] = readString(text, i);
      tokens.push({ kind: 'string', text: value, at: i });
      i = end;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_.$/-]/.test(text[i] as string)) i++;
      if (text[i] === "'") {
        // A type-prefixed literal such as microsoft.graph.complianceState'compliant'.
        const [value, end] = readString(text, i);
        tokens.push({ kind: 'string', text: value, at: start });
        i = end;
      } else {
        tokens.push({ kind: 'word', text: text.slice(start, i), at: start });
      }
    } else if (/[0-9-]/.test(ch)) {
      const start = i;
      while (i < text.length && /[0-9A-Za-z:.+-]/.test(text[i] as string)) i++;
      tokens.push({ kind: 'value', text: text.slice(start, i), at: start });
    } else {
      throw badRequest(`Invalid filter clause: Syntax error at position ${i} in '${text}': unexpected character '${ch}'`);
    }
  }
  return tokens;
}

/** Reads a single-quoted OData string starting at `start` ('' is an escaped quote). */
function readString(text: string, start: number): [value: string, end: number] {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return [value, i + 1];
    }
    value += text[i];
    i++;
  }
  throw badRequest(`Invalid filter clause: Syntax error at position ${start} in '${text}': unterminated string literal`);
}
