import { badRequest, type GraphRequestError } from './errors.ts';
import type { CompareOperator, FilterExpr, FilterFunction, FilterLiteral } from './odata-filter.ts';

export type FieldType = 'string' | 'enum' | 'boolean' | 'number' | 'dateTime' | 'guid' | 'other';
export type FilterOperator = CompareOperator | FilterFunction | 'in' | 'or';

export interface FieldSpec {
  type: FieldType;
  members?: readonly string[];
  /** The operators the service documents for this property. */
  ops: readonly FilterOperator[];
}

/** How one Graph resource treats `$filter`. */
export interface FilterDialect {
  /** OData type name used in error messages. */
  typeName: string;
  errorCode: string;
  fields: Readonly<Record<string, FieldSpec>>;
  /**
   * The directory rejects an operator a property does not document with this error. Without it
   * the dialect is Intune's: an undocumented filter does not filter (reference §3.2: "filtering on
   * an unsupported property silently returns all"), with the reported quirks — `ne` acts as `eq`,
   * `startswith` as `contains`, `not` is ignored, and `or` across properties that do not document
   * 'or' acts as `and`.
   */
  rejectUndocumented?: (property: string) => GraphRequestError;
}

type Predicate = (item: object) => boolean;

const everything: Predicate = () => true;

const OPERATOR_KIND: Record<CompareOperator, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  lt: 'LessThan',
  gt: 'GreaterThan',
  le: 'LessThanOrEqual',
  ge: 'GreaterThanOrEqual',
};

/** Turns a parsed `$filter` into a predicate, raising Graph's 400s for what cannot be evaluated. */
export function compileFilter(expr: FilterExpr, dialect: FilterDialect): Predicate {
  const field = (property: string): FieldSpec => {
    const spec = dialect.fields[property];
    if (!spec) throw badRequest(`Could not find a property named '${property}' on type '${dialect.typeName}'.`, dialect.errorCode);
    return spec;
  };

  /** The operator to apply for `op` on `property`, or undefined when the filter is ignored. */
  const resolve = (property: string, spec: FieldSpec, op: FilterOperator): FilterOperator | undefined => {
    if (spec.ops.includes(op)) return op;
    if (dialect.rejectUndocumented) throw dialect.rejectUndocumented(property);
    if (op === 'ne' && spec.ops.includes('eq')) return 'eq';
    if (op === 'startswith' && spec.ops.includes('contains')) return 'contains';
    return undefined;
  };

  const compile = (node: FilterExpr): Predicate => {
    switch (node.kind) {
      case 'and': {
        const left = compile(node.left);
        const right = compile(node.right);
        return (item) => left(item) && right(item);
      }
      case 'or': {
        const left = compile(node.left);
        const right = compile(node.right);
        if (!dialect.rejectUndocumented && !leafProperties(node).every((p) => dialect.fields[p]?.ops.includes('or'))) {
          return (item) => left(item) && right(item);
        }
        return (item) => left(item) || right(item);
      }
      case 'not': {
        const operand = compile(node.operand);
        if (!dialect.rejectUndocumented) return everything;
        return (item) => !operand(item);
      }
      case 'compare': {
        const spec = field(node.property);
        checkOperand(spec, node.value, OPERATOR_KIND[node.op], dialect);
        const op = resolve(node.property, spec, node.op);
        if (!op) return everything;
        return comparison(node.property, spec, op as CompareOperator, node.value);
      }
      case 'in': {
        const spec = field(node.property);
        for (const value of node.values) checkOperand(spec, value, 'In', dialect);
        if (!resolve(node.property, spec, 'in')) return everything;
        const tests = node.values.map((value) => comparison(node.property, spec, 'eq', value));
        return (item) => tests.some((test) => test(item));
      }
      case 'call': {
        const spec = field(node.property);
        if (node.value.type !== 'string' || (spec.type !== 'string' && spec.type !== 'enum')) {
          throw badRequest(`No function signature for the function with name '${node.fn}' matches the specified arguments.`, dialect.errorCode);
        }
        const fn = resolve(node.property, spec, node.fn);
        if (!fn) return everything;
        const needle = node.value.value.toLowerCase();
        return (item) => {
          const value = read(item, node.property);
          if (typeof value !== 'string') return false;
          const haystack = value.toLowerCase();
          if (fn === 'startswith') return haystack.startsWith(needle);
          if (fn === 'endswith') return haystack.endsWith(needle);
          return haystack.includes(needle);
        };
      }
    }
  };

  return compile(expr);
}

function leafProperties(node: FilterExpr): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...leafProperties(node.left), ...leafProperties(node.right)];
    case 'not':
      return leafProperties(node.operand);
    default:
      return [node.property];
  }
}

function read(item: object, property: string): unknown {
  return (item as Record<string, unknown>)[property];
}

function checkOperand(spec: FieldSpec, value: FilterLiteral, operatorKind: string, dialect: FilterDialect): void {
  if (spec.type === 'other') {
    throw badRequest(`The operand for a binary operator '${operatorKind}' is not a single value.`, dialect.errorCode);
  }
  if (value.type === 'null') return;
  const compatible =
    (spec.type === 'string' && value.type === 'string') ||
    (spec.type === 'enum' && value.type === 'string') ||
    (spec.type === 'guid' && (value.type === 'guid' || value.type === 'string')) ||
    (spec.type === 'boolean' && value.type === 'boolean') ||
    (spec.type === 'number' && value.type === 'number') ||
    (spec.type === 'dateTime' && value.type === 'dateTime');
  if (!compatible) {
    throw badRequest(
      `A binary operator with incompatible types was detected. Found operand types '${edmType(spec.type)}' and '${literalType(value)}' for operator kind '${operatorKind}'.`,
      dialect.errorCode,
    );
  }
  if (spec.type === 'enum' && value.type === 'string' && !spec.members?.some((m) => m.toLowerCase() === value.value.toLowerCase())) {
    throw badRequest(`The string '${value.value}' is not a valid enumeration type constant.`, dialect.errorCode);
  }
}

/** String comparisons are case-insensitive, as in Intune's and the directory's stores. */
function comparison(property: string, spec: FieldSpec, op: CompareOperator, literal: FilterLiteral): Predicate {
  const wanted = literalValue(literal);
  return (item) => {
    const actual = normalise(read(item, property), spec.type);
    if (op === 'eq') return actual === wanted;
    if (op === 'ne') return actual !== wanted;
    if (actual === null || wanted === null) return false;
    if (op === 'lt') return actual < wanted;
    if (op === 'gt') return actual > wanted;
    if (op === 'le') return actual <= wanted;
    return actual >= wanted;
  };
}

function literalValue(literal: FilterLiteral): string | number | boolean | null {
  switch (literal.type) {
    case 'null':
      return null;
    case 'string':
    case 'guid':
      return literal.value.toLowerCase();
    default:
      return literal.value;
  }
}

function normalise(value: unknown, type: FieldType): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (type === 'dateTime' && typeof value === 'string') return Date.parse(value);
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

function edmType(type: FieldType): string {
  const names: Record<FieldType, string> = {
    string: 'Edm.String',
    enum: 'Edm.Enum',
    boolean: 'Edm.Boolean',
    number: 'Edm.Int64',
    dateTime: 'Edm.DateTimeOffset',
    guid: 'Edm.String',
    other: 'Edm.Untyped',
  };
  return names[type];
}

function literalType(literal: FilterLiteral): string {
  const names: Record<FilterLiteral['type'], string> = {
    string: 'Edm.String',
    number: 'Edm.Int32',
    boolean: 'Edm.Boolean',
    null: 'null',
    dateTime: 'Edm.DateTimeOffset',
    guid: 'Edm.Guid',
  };
  return names[literal.type];
}
