import type { Issue } from '@steward/policy-core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';

/** The stable codes a client may rely on (`extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  /** The password was right; sign in again with the account's second-factor or recovery code. */
  | 'MFA_REQUIRED'
  /** The ledger's Merkle tree is still being built over older entries: a proof reaching past it must wait. */
  | 'LEDGER_TREE_BUILDING'
  /** The incident register's own (incidents/): no such incident; changed since read; references naming no provider. */
  | 'INCIDENT_NOT_FOUND'
  | 'INCIDENT_VERSION_CONFLICT'
  | 'INCIDENT_UNKNOWN_REFERENCES';

/** A failure the caller can act on; anything else is reported as an internal error. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class BadInputError extends DomainError {
  constructor(issues: readonly Issue[], prefix = 'input') {
    const withPath = issues.map((i) => ({ ...i, field: prefixField(prefix, i.field) }));
    const first = withPath[0];
    super('BAD_USER_INPUT', first ? `${first.field}: ${first.message}` : 'Invalid input', {
      field: first?.field ?? prefix,
      issues: withPath,
    });
  }
}

export function badInput(field: string, code: Issue['code'], message: string, prefix = 'input'): BadInputError {
  return new BadInputError([{ field, code, message }], prefix);
}

export class NotFoundError extends DomainError {
  constructor(what: string, field?: string) {
    super('NOT_FOUND', `${what} not found`, field ? { field } : {});
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, currentVersion?: number, field = 'expectedVersion') {
    super('CONFLICT', message, { field, ...(currentVersion === undefined ? {} : { currentVersion }) });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this') {
    super('FORBIDDEN', message);
  }
}

/** A domain error raised before resolvers run (context, operation check), with its HTTP status. */
export function requestError(error: DomainError, status: number): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status } } });
}

function prefixField(prefix: string, field: string): string {
  if (!prefix) return field;
  if (!field) return prefix;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}

/** Codes that graphql-js and Apollo produce for malformed requests: safe to pass through as they are. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface ErrorLogger {
  error(message: string, err: unknown): void;
}

/**
 * The single place where errors become what a client sees: domain errors keep their code and
 * safe extensions; everything else (SQL, stack traces, file paths) is logged and masked.
 */
export function createErrorFormatter(logger: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    const domain = findDomainError(original);
    if (domain) {
      return {
        message: domain.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { ...domain.extensions, code: domain.code },
      };
    }
    const validation = argumentValidationIssues(original);
    if (validation) {
      const err = new BadInputError(validation, '');
      return {
        message: err.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { ...err.extensions, code: err.code },
      };
    }
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (code && REQUEST_CODES.has(code)) {
      // graphql-js names the offending input path in its coercion messages: surface it as `field`.
      const field = offendingField(formatted.message);
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code, ...(field ? { field } : {}) },
      };
    }
    logger.error('Unexpected error while resolving a request', original ?? error);
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** The input path graphql-js names in a coercion message, e.g. `input.channel` or `input.password`. */
function offendingField(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message)?.[1];
  if (at) return at;
  const missing = /Variable "\$(\w+)" got invalid value .*Field "(\w+)" of required type/s.exec(message);
  if (missing) return `${missing[1]}.${missing[2]}`;
  return /Variable "\$(\w+)"/.exec(message)?.[1] ?? /argument "([^"]+)"/.exec(message)?.[1];
}

function findDomainError(err: unknown): DomainError | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof DomainError) return current;
    current = current instanceof GraphQLError ? current.originalError : (current as { cause?: unknown }).cause;
  }
  return null;
}

interface ClassValidatorError {
  property: string;
  constraints?: Record<string, string>;
  children?: ClassValidatorError[];
}

/** type-graphql's ArgumentValidationError (class-validator) → issues with field paths. */
function argumentValidationIssues(err: unknown): Issue[] | null {
  if (!(err instanceof ArgumentValidationError)) return null;
  const errors = err.extensions.validationErrors as ClassValidatorError[];
  if (!errors) return null;
  const issues: Issue[] = [];
  const walk = (list: ClassValidatorError[], path: string) => {
    for (const e of list) {
      const isIndex = /^\d+$/.test(e.property);
      const field = isIndex ? `${path}[${e.property}]` : path ? `${path}.${e.property}` : e.property;
      for (const [constraint, message] of Object.entries(e.constraints ?? {})) {
        issues.push(constraintIssue(field, constraint, message));
      }
      if (e.children?.length) walk(e.children, field);
    }
  };
  walk(errors, 'input');
  return issues.length ? issues : null;
}

/**
 * A class-validator constraint as an issue; a length or size bound carries its limit (`{ max }` or
 * `{ min }`, which the catalogue's issue.TOO_LONG / TOO_SHORT name), read from the end of
 * class-validator's message ("… shorter than or equal to 200 characters"); without a number in it, none.
 */
function constraintIssue(field: string, constraint: string, message: string): Issue {
  const code = constraintCode(constraint);
  if (code === 'INVALID_FORMAT') return { field, code, message };
  const limit = Number(/(\d+)\D*$/.exec(message)?.[1] ?? Number.NaN);
  if (Number.isNaN(limit)) return { field, code, message };
  return { field, code, message, params: code === 'TOO_LONG' ? { max: limit } : { min: limit } };
}

function constraintCode(constraint: string): Issue['code'] {
  if (constraint === 'maxLength' || constraint === 'arrayMaxSize' || constraint === 'max') return 'TOO_LONG';
  if (constraint === 'minLength' || constraint === 'arrayMinSize' || constraint === 'min') return 'TOO_SHORT';
  return 'INVALID_FORMAT';
}
