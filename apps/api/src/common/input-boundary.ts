import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse } from '@apollo/server';
import {
  dateRangeIssue,
  findForbiddenCharacter,
  forbiddenCharacterIssue,
  type Issue,
  type TextKind,
} from '@steward/policy-core';
import {
  getNullableType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  typeFromAST,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Context } from '../context.js';
import { BadInputError, type DomainError } from './errors.js';
import { RateLimitedError, type RateLimitRule } from './rate-limit.js';

/**
 * `@Extensions(MULTILINE)` on an input field (or an `@ArgsType` field): its strings, and every
 * string inside it when it is an input object, may span lines (LF, CRLF, TAB). Every other string
 * that enters the API is a single line.
 */
export const MULTILINE = { text: 'multiline' } as const;

/** At most this many issues are reported for one request; the rest are not looked for. */
const MAX_ISSUES = 20;
/** Deeper input values than this are refused (no input of the schema nests so deep). */
const MAX_DEPTH = 32;

type Definition = GraphQLArgument | GraphQLInputField;

/** The date scalars (graphql-scalars' DateTime, and Date should one be added): their strings must lie in policy-core's DATE_RANGE. */
const DATE_SCALARS: ReadonlySet<string> = new Set(['DateTime', 'Date']);

function isDateType(type: GraphQLInputType): boolean {
  const nullable = getNullableType(type);
  return isScalarType(nullable) && DATE_SCALARS.has(nullable.name);
}

/** The issue of one string at a place of this type: a forbidden character first, then a date out of range. */
function stringIssue(path: string, value: string, type: GraphQLInputType, kind: TextKind): Issue | null {
  return forbiddenCharacterIssue(path, value, kind) ?? (isDateType(type) ? dateRangeIssue(path, value) : null);
}

function isMultiline(def: Definition): boolean {
  return def.extensions?.text === 'multiline';
}

/** Where a variable is used: the first place's path names it, and it is multi-line only if every place is. */
interface VariablePlan {
  name: string;
  type: GraphQLInputType;
  path: string;
  kind: TextKind;
}

/** What one operation needs checked per request: its literals are checked once, its variables every time. */
export interface OperationPlan {
  literalIssues: Issue[];
  variables: VariablePlan[];
  /** The per-address budgets the operation's root fields spend before reading their input (`rateLimitedBy`). */
  rateLimits: RateLimitRule[];
}

/**
 * Walks an operation once: the string literals of its arguments (at any depth, in fragments and
 * directives, and the variables' default values) are checked now, and each variable gets the
 * input type, path and text kind of the place it is used.
 */
export function planOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): OperationPlan {
  const root = schema.getRootType(operation.operation);
  const issues: Issue[] = [];
  const usages = new Map<string, { path: string; multiline: boolean }>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const visitedFragments = new Set<string>();
  const rateLimits = new Map<string, RateLimitRule>();

  const literal = (node: ValueNode, type: GraphQLInputType, path: string, multiline: boolean): void => {
    const nullable = getNullableType(type);
    switch (node.kind) {
      case Kind.VARIABLE: {
        const seen = usages.get(node.name.value);
        if (!seen) usages.set(node.name.value, { path, multiline });
        else seen.multiline &&= multiline;
        return;
      }
      case Kind.STRING: {
        const found = stringIssue(path, node.value, type, multiline ? 'multi-line' : 'single-line');
        if (found) issues.push(found);
        return;
      }
      case Kind.LIST: {
        const item = isListType(nullable) ? nullable.ofType : nullable;
        node.values.forEach((value, i) => literal(value, item, `${path}[${i}]`, multiline));
        return;
      }
      case Kind.OBJECT: {
        const fields = isInputObjectType(nullable) ? nullable.getFields() : {};
        for (const field of node.fields) {
          const def = fields[field.name.value];
          if (def) literal(field.value, def.type, `${path}.${field.name.value}`, multiline || isMultiline(def));
        }
        return;
      }
      default:
        // Numbers, booleans, enum names (GraphQL names cannot hold these characters) and null.
        return;
    }
  };

  const argumentsOf = (
    nodes: readonly { name: { value: string }; value: ValueNode }[] | undefined,
    defs: readonly GraphQLArgument[],
  ): void => {
    for (const node of nodes ?? []) {
      const def = defs.find((d) => d.name === node.name.value);
      if (!def) continue;
      literal(node.value, def.type, def.name, isMultiline(def));
    }
  };

  const directives = (nodes: readonly DirectiveNode[] | undefined): void => {
    for (const node of nodes ?? []) {
      const def = schema.getDirective(node.name.value);
      if (def) argumentsOf(node.arguments, def.args);
    }
  };

  const fieldDef = (parent: GraphQLNamedType, node: FieldNode): GraphQLField<unknown, unknown> | undefined => {
    const name = node.name.value;
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    if (parent === schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  };

  const selections = (set: SelectionSetNode, parent: GraphQLNamedType): void => {
    for (const sel of set.selections) {
      directives(sel.directives);
      if (sel.kind === Kind.FIELD) {
        const def = fieldDef(parent, sel);
        if (!def) continue;
        const rule = parent === root ? (def.extensions?.rateLimit as RateLimitRule | undefined) : undefined;
        if (rule) rateLimits.set(rule.name, rule);
        argumentsOf(sel.arguments, def.args);
        if (sel.selectionSet) selections(sel.selectionSet, namedOutputType(def));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (type) selections(sel.selectionSet, type);
      } else if (!visitedFragments.has(sel.name.value)) {
        visitedFragments.add(sel.name.value);
        const fragment = fragments.get(sel.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type) {
          directives(fragment.directives);
          selections(fragment.selectionSet, type);
        }
      }
    }
  };

  directives(operation.directives);
  if (root) selections(operation.selectionSet, root);

  const variables: VariablePlan[] = [];
  for (const def of operation.variableDefinitions ?? []) {
    directives(def.directives);
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type) as GraphQLInputType | undefined;
    // Validation has passed, so every variable is declared with an input type and used somewhere.
    const usage = usages.get(name) ?? { path: name, multiline: false };
    if (!type) continue;
    if (def.defaultValue) literal(def.defaultValue, type, usage.path, usage.multiline);
    variables.push({ name, type, path: usage.path, kind: usage.multiline ? 'multi-line' : 'single-line' });
  }
  return { literalIssues: issues.slice(0, MAX_ISSUES), variables, rateLimits: [...rateLimits.values()] };
}

function namedOutputType(def: GraphQLField<unknown, unknown>): GraphQLNamedType {
  let type = def.type;
  while (isNonNullType(type) || isListType(type)) type = type.ofType;
  return type;
}

/**
 * Checks one request's variable values against their plan: every string, wherever it sits in an
 * input object or a list, by the text kind of its place. Paths are built only for a refusal.
 */
export function checkVariables(plan: OperationPlan, values: Readonly<Record<string, unknown>> | undefined): Issue[] {
  if (!values || plan.variables.length === 0) return [];
  const issues: Issue[] = [];
  const segments: (string | number)[] = [];
  let base = '';

  const path = (): string => {
    let at = base;
    for (const s of segments) at += typeof s === 'number' ? `[${s}]` : `.${s}`;
    return at;
  };
  const refuse = (found: Issue | null): boolean => {
    if (found) issues.push(found);
    return issues.length >= MAX_ISSUES;
  };
  const tooDeep = (): boolean => {
    issues.push({ field: path(), code: 'INVALID_FORMAT', message: `Nested more than ${MAX_DEPTH} levels deep.` });
    return true;
  };

  // Returns true once enough issues are collected (the walk stops).
  const walk = (value: unknown, type: GraphQLInputType, kind: TextKind, depth: number): boolean => {
    if (value === null || value === undefined) return false;
    if (typeof value === 'string') {
      // A plain string fails only rarely: test it first, build a path only when it does.
      if (findForbiddenCharacter(value, kind) !== null) return refuse(forbiddenCharacterIssue(path(), value, kind));
      return isDateType(type) && refuse(dateRangeIssue(path(), value));
    }
    if (typeof value !== 'object') return false;
    if (depth > MAX_DEPTH) return tooDeep();
    const nullable = getNullableType(type);
    if (Array.isArray(value)) {
      const item = isListType(nullable) ? (nullable.ofType as GraphQLInputType) : nullable;
      for (let i = 0; i < value.length; i++) {
        segments.push(i);
        const stop = walk(value[i], item, kind, depth + 1);
        segments.pop();
        if (stop) return true;
      }
      return false;
    }
    const fields = isInputObjectType(nullable) ? nullable.getFields() : undefined;
    for (const key in value) {
      const def = fields?.[key];
      segments.push(key);
      // An unknown field (refused by coercion later) or the inside of a custom scalar: strictly single-line.
      const stop = def
        ? walk(
            (value as Record<string, unknown>)[key],
            def.type,
            kind === 'multi-line' || isMultiline(def) ? 'multi-line' : 'single-line',
            depth + 1,
          )
        : walk((value as Record<string, unknown>)[key], nullable, 'single-line', depth + 1);
      segments.pop();
      if (stop) return true;
    }
    return false;
  };

  for (const variable of plan.variables) {
    const value = values[variable.name];
    if (value === undefined || value === null) continue;
    base = variable.path;
    if (walk(value, variable.type, variable.kind, 0)) break;
  }
  return issues;
}

/** A refusal sets no status or header of its own (Apollo only reads this). */
const SAME_HEAD = { headers: new HeaderMap() };

/** The answer a resolver's domain error gets from `formatError`: `data: null` and the error's message, code and extensions. */
function refusal(error: DomainError): GraphQLResponse {
  return {
    http: SAME_HEAD,
    body: {
      kind: 'single',
      singleResult: {
        data: null,
        errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }],
      },
    },
  };
}

/**
 * The one input boundary: before any resolver runs (and so before any database call the operation
 * makes), every string the operation brings — literal arguments and variable values, at any depth —
 * passes policy-core's `findForbiddenCharacter`, single-line unless its input field or argument is
 * marked `MULTILINE`; a string at a date scalar's place (DateTime) also lies in policy-core's
 * `DATE_RANGE` (1900–2200). A refusal is BAD_USER_INPUT naming each offending field (`input.items[2].value`).
 * The literal part and each variable's place are worked out once per parsed operation (Apollo's
 * document cache hands back the same document for the same query text).
 *
 * It answers in `responseForOperation` (after every `didResolveOperation`, so the root-field guard
 * refuses out-of-scope callers first; before execution) with the shape a service's BAD_USER_INPUT
 * has always had: `data: null`, the error as `formatError` presents a domain error, HTTP 200.
 */
export function inputBoundaryPlugin(): ApolloServerPlugin<Context> {
  const plans = new WeakMap<OperationDefinitionNode, OperationPlan>();
  const listener: GraphQLRequestListener<Context> = {
    async responseForOperation({ schema, document, operation, request, contextValue }) {
      let plan = plans.get(operation);
      if (!plan) {
        plan = planOperation(schema, document, operation);
        plans.set(operation, plan);
      }
      const issues = plan.literalIssues.length ? plan.literalIssues : checkVariables(plan, request.variables);
      if (!issues.length) return null;
      try {
        for (const rule of plan.rateLimits)
          await contextValue.rateLimits.consumeAddress(rule, contextValue.clientAddress);
      } catch (err) {
        if (err instanceof RateLimitedError) return refusal(err);
        throw err;
      }
      return refusal(new BadInputError(issues, ''));
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
