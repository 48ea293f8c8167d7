import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Hostile values for every argument of every root field of the emitted schema
 * (packages/schema/schema.graphql), as fast-check arbitraries: what `common/hostile-input.test.ts`
 * sends over HTTP on both databases, and what `bench/hostile.js` sends for minutes.
 *
 * Each generated call fills every argument with a plausible value of its type, then puts one
 * hostile value at one place in it (an argument, an input field at any depth, a list item).
 */

/** What the hostile value is; `mustRefuse` kinds never reach a resolver (the input boundary or coercion refuses them). */
export const HOSTILE_KINDS = {
  /** C0/C1 controls (NUL, ESC, DEL, NEL…), bidi controls, zero-width and other invisible characters, U+2028/9, tags, lone surrogates. */
  character: { mustRefuse: true },
  /** A date-time outside 1900–2200 (year 0, 9999, 1899, 2201) or no RFC 3339 date (negative or six-digit years). */
  date: { mustRefuse: true },
  /** A value of another JSON type, or null where the schema requires a value. */
  wrongType: { mustRefuse: true },
  /** Input nested deeper than any input of the schema. */
  deep: { mustRefuse: true },
  /** An integer outside 32 bits, a fraction, an unsafe or non-finite number. */
  hugeNumber: { mustRefuse: true },
  /** Strings of 10,000–200,000 characters (ASCII, Japanese, astral). */
  overlong: { mustRefuse: false },
  /** Valid but awkward: empty, blank, SQL and LIKE metacharacters, extreme in-range integers, emoji, Japanese. */
  awkward: { mustRefuse: false },
} as const;
export type HostileKind = keyof typeof HOSTILE_KINDS;

export interface HostileCall {
  variables: Record<string, unknown>;
  kind: HostileKind;
  /** Where the hostile value sits, e.g. `input.items[0].value` (for the failure message). */
  at: string;
  /** The value itself (a deep value is summarised). */
  value: unknown;
}

export interface RootOperation {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** The document: every argument as a variable, `{ __typename }` as the selection of an object result. */
  document: string;
}

const SCHEMA_FILE = fileURLToPath(new URL('../../../../packages/schema/schema.graphql', import.meta.url));

/** The emitted, committed schema (schema-contract.test.ts keeps it equal to the server's). */
export function emittedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
}

/** Every root query and mutation field that takes arguments, with its document. */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const out: RootOperation[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (!field.args.length) continue;
      const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
      out.push({ operation, field, document: `${operation}(${declared}) { ${field.name}(${passed})${selection} }` });
    }
  }
  return out;
}

// ---- hostile values ----

const cp = (n: number) => String.fromCodePoint(n);
const LONE_SURROGATES = [0xd800, 0xdbff, 0xdc00, 0xdfff].map((n) => String.fromCharCode(n));
/** Refused in every field, single- or multi-line (TAB, LF and CR are left out: a multi-line field takes them). */
const FORBIDDEN = fc.oneof(
  fc
    .integer({ min: 0x00, max: 0x1f })
    .filter((n) => n !== 0x09 && n !== 0x0a && n !== 0x0d)
    .map(cp),
  fc.integer({ min: 0x7f, max: 0x9f }).map(cp),
  fc
    .constantFrom(0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069)
    .map(cp),
  fc
    .constantFrom(0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0xfeff, 0x2028, 0x2029, 0xe0001, 0xe0041)
    .map(cp),
  fc.constantFrom(...LONE_SURROGATES),
);
const TEXT = fc.oneof(
  fc.constantFrom(
    '',
    'x',
    'CONFERENCE_REGISTRATION',
    'site_jspe_demo',
    'owner@steward.test',
    '2026-04-01T09:00:00Z',
    '田中',
  ),
  fc.string({ maxLength: 12 }),
);
const characterValue = fc
  .tuple(TEXT, FORBIDDEN, fc.constantFrom('', 'x', 'a\u0000b'))
  .map(([before, c, after]) => `${before}${c}${after}`);

const dateValue = fc.oneof(
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '1900-01-01T08:59:59+09:00',
    '2201-01-01T00:00:00Z',
    '2200-12-31T20:00:00-05:00',
    '9999-12-31T23:59:59Z',
    '-000001-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-04-01',
  ),
  fc
    .integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 })
    .filter((ms) => ms < Date.UTC(1900, 0, 1) || ms >= Date.UTC(2201, 0, 1))
    .map((ms) => new Date(ms).toISOString()),
);

const hugeNumberValue = fc.oneof(
  fc.constantFrom(
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    0.5,
    1.000001,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n) || Math.abs(n) >= 2 ** 31),
);

const overlongValue = fc
  .tuple(fc.constantFrom('a', '日本語', '𠮷', 'x@example.jp '), fc.integer({ min: 10_000, max: 200_000 }))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));

const awkwardString = fc.constantFrom(
  '',
  ' ',
  '   \u3000 ',
  "'; drop table provider; --",
  "' or '1'='1",
  '%',
  '_',
  '\\',
  '"',
  '$1',
  ':id',
  '?',
  'null',
  'undefined',
  '0',
  '-1',
  '😀👩‍👩‍👧',
  '葛\u{E0100}城',
  'ＡＢＣ１２３',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
);
const awkwardInt = fc.constantFrom(0, -1, 1, 2 ** 31 - 1, -(2 ** 31));

function deepValue(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/**
 * A value of another JSON type than `type` takes, or null where a value is required. (GraphQL
 * coerces a single value into a list of one and an integer into an ID, so neither is wrong.)
 */
function wrongTypeValue(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  const options: unknown[] = [{ nested: 'object' }, [[['x']]]];
  if (isNonNullType(type)) options.push(null);
  const scalar = isScalarType(named) ? named.name : null;
  if (scalar === 'Int' || scalar === 'Float') options.push('12', '', true);
  else if (scalar === 'Boolean') options.push('true', 0, 1);
  else if (scalar === 'ID') options.push(true, -0.5);
  else if (scalar) options.push(12, -0.5, true);
  else if (isEnumType(named)) options.push('NOT_A_VALUE', 'granted', 12, true);
  else options.push('x', 7, true);
  return fc.constantFrom(...options);
}

// ---- plausible values of each type ----

const SOME_ID = fc.constantFrom('01900000-0000-7000-8000-000000000000', '0192a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');

/** A plausible value of the type (booleans false: nothing is switched on by a value that passes). */
function plausible(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return plausible(type.ofType as GraphQLInputType, depth);
  if (isListType(type)) {
    const item = type.ofType as GraphQLInputType;
    return depth > 4 ? fc.constant([]) : fc.array(plausible(item, depth + 1), { minLength: 1, maxLength: 2 });
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => depth < 4 || isNonNullType(f.type));
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, plausible(f.type, depth + 1)])));
  }
  switch (getNullableType(type).toString()) {
    case 'Int':
      return fc.integer({ min: 0, max: 3 });
    case 'Float':
      return fc.double({ min: 0, max: 10, noNaN: true });
    case 'Boolean':
      return fc.constant(false);
    case 'ID':
      return SOME_ID;
    case 'DateTime':
      return fc.constant('2026-04-01T09:00:00Z');
    default:
      return TEXT;
  }
}

/** A place in a variables object where a value can go, with the input type it has there. */
interface Place {
  path: (string | number)[];
  type: GraphQLInputType;
}

function places(value: unknown, type: GraphQLInputType, path: (string | number)[], out: Place[]): void {
  out.push({ path, type });
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    value.forEach((v, i) => places(v, nullable.ofType as GraphQLInputType, [...path, i], out));
  } else if (isInputObjectType(nullable) && value && typeof value === 'object') {
    for (const [name, f] of Object.entries(nullable.getFields())) {
      if (name in value) places((value as Record<string, unknown>)[name], f.type, [...path, name], out);
    }
  }
}

function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let at: Record<string | number, unknown> = root;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
}

function pathText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

/** Which hostile kinds fit a place of this type, and the value of each. */
function hostileFor(type: GraphQLInputType): fc.Arbitrary<{ kind: HostileKind; value: unknown }> {
  const named = getNamedType(type);
  const tagged = (kind: HostileKind, arb: fc.Arbitrary<unknown>) => arb.map((value) => ({ kind, value }));
  const options: fc.Arbitrary<{ kind: HostileKind; value: unknown }>[] = [
    tagged('character', characterValue),
    tagged('wrongType', wrongTypeValue(type)),
    tagged('deep', fc.integer({ min: 34, max: 80 }).map(deepValue)),
  ];
  const scalar = isScalarType(named) ? named.name : null;
  // Where a date goes, most values are dates.
  if (scalar === 'DateTime') options.push(...Array.from({ length: 4 }, () => tagged('date', dateValue)));
  if (scalar === 'Int' || scalar === 'Float') {
    options.push(tagged('awkward', awkwardInt));
    if (scalar === 'Int') options.push(tagged('hugeNumber', hugeNumberValue));
  }
  if (scalar === 'String' || scalar === 'ID') {
    options.push(tagged('overlong', overlongValue), tagged('awkward', awkwardString));
  }
  return fc.oneof(...options);
}

/**
 * One call of `op`: every argument plausible, then one hostile value at one place. `kinds` keeps
 * only those kinds (e.g. only what must be refused, for an operation where a value that passes
 * would act: a sign-in, a password change).
 */
export function hostileCall(op: RootOperation, kinds?: ReadonlySet<HostileKind>): fc.Arbitrary<HostileCall> {
  const args: readonly GraphQLArgument[] = op.field.args;
  const base = fc.record(Object.fromEntries(args.map((a) => [a.name, plausible(a.type, 0)])));
  return base.chain((variables) => {
    const all: Place[] = [];
    for (const a of args) places(variables[a.name], a.type, [a.name], all);
    // Few places take a date: a third of the calls of an operation that has one go there.
    const dates = all.filter((p) => getNamedType(p.type).name === 'DateTime');
    const anyPlace = fc.constantFrom(...all);
    const chosen = dates.length ? fc.oneof({ arbitrary: anyPlace, weight: 2 }, fc.constantFrom(...dates)) : anyPlace;
    return chosen.chain((place) =>
      hostileFor(place.type)
        .filter((h) => !kinds || kinds.has(h.kind))
        .map((h) => {
          const copy = structuredClone(variables) as Record<string, unknown>;
          setAt(copy, place.path, h.value);
          return {
            variables: copy,
            kind: h.kind,
            at: pathText(place.path),
            value:
              h.kind === 'deep'
                ? '(nested)'
                : typeof h.value === 'string' && h.value.length > 80
                  ? `(${h.value.length} characters)`
                  : h.value,
          };
        }),
    );
  });
}
