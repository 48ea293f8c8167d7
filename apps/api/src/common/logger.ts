import { destination as pinoDestination, pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';

/** What a log line may carry besides its message: identifiers, counts, codes — never a personal value. */
export type LogFields = Record<string, string | number | boolean | null | readonly string[] | undefined>;

/** The logger every part of the server writes through (AppDeps['log']). */
export interface AppLog {
  info(message: string, fields?: LogFields): void;
  /** Something an operator should act on that is not a failure (e.g. holiday data ending). */
  warn(message: string, fields?: LogFields): void;
  /**
   * `err` is logged by its class name and code only (errorFields), never its message: a driver's
   * message can quote the SQL and the values it failed on.
   */
  error(message: string, err?: unknown, fields?: LogFields): void;
}

/** The levels STEWARD_LOG_LEVEL accepts, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A code is kept only when it looks like one (ECONNREFUSED, 23505, SQLITE_CONSTRAINT): never free text. */
const CODE = /^[A-Za-z0-9_.-]{1,64}$/;
/** A class name as code names it: a hostile message cannot pass for one. */
const CLASS_NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;

/**
 * What a log line says about an error: its class name and, if it has one, its code (a driver's
 * `code`, `sqlState` or `errno`) — for each error of its `cause` chain, at most three — and where it
 * was thrown (the first three stack frames: functions and files). Never the message, the SQL or the
 * parameters.
 */
export function errorFields(
  err: unknown,
): { class: string; code?: string; at?: string[]; causes?: string[] } | undefined {
  if (err === undefined || err === null) return undefined;
  const describe = (e: unknown): { class: string; code?: string } => {
    if (typeof e !== 'object' || e === null) return { class: typeof e };
    const name = (e as { constructor?: { name?: unknown } }).constructor?.name;
    const own = (e as { name?: unknown }).name;
    const cls =
      typeof own === 'string' && CLASS_NAME.test(own) && own !== 'Error'
        ? own
        : typeof name === 'string' && CLASS_NAME.test(name)
          ? name
          : 'Error';
    const raw = [
      (e as { code?: unknown }).code,
      (e as { sqlState?: unknown }).sqlState,
      (e as { errno?: unknown }).errno,
    ].find((c) => typeof c === 'string' || typeof c === 'number');
    const code = raw === undefined ? undefined : String(raw);
    return code !== undefined && CODE.test(code) ? { class: cls, code } : { class: cls };
  };
  const first = { ...describe(err), ...framesOf(err) };
  const causes: string[] = [];
  let cause = (err as { cause?: unknown }).cause;
  for (let depth = 0; depth < 3 && cause !== undefined && cause !== null; depth++) {
    const c = describe(cause);
    causes.push(c.code ? `${c.class}:${c.code}` : c.class);
    cause = (cause as { cause?: unknown }).cause;
  }
  return causes.length ? { ...first, causes } : first;
}

/**
 * The first frames of the error's stack, after its header (`Name: message`, which may span lines and
 * quote anything) is cut off exactly: only frames V8 wrote remain.
 */
function framesOf(err: unknown): { at?: string[] } {
  if (!(err instanceof Error) || typeof err.stack !== 'string') return {};
  const header = String(err);
  if (!err.stack.startsWith(header)) return {};
  const at = err.stack
    .slice(header.length)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 3)
    .map((line) => line.slice(3, 240));
  return at.length ? { at } : {};
}

/** The pino logger behind AppLog (request lines go through it too: http/request-log.ts). */
export interface ServerLogger extends AppLog {
  readonly pino: Logger;
}

/**
 * JSON lines on stdout (or `destination`), one object a line, at `level` (STEWARD_LOG_LEVEL).
 * Nothing in here redacts: what is logged is chosen where it is logged (identifiers, codes,
 * counts), so a value that must not be logged never reaches a logger in the first place.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): ServerLogger {
  const logger = pino(
    {
      level,
      base: { pid: process.pid },
      // No `err` serializer: an error never reaches pino as it is (errorFields picks what is logged).
      serializers: {},
      formatters: { level: (label) => ({ level: label }) },
      timestamp: stdTimeFunctions.isoTime,
    },
    // Asynchronous writes (flushed at exit by pino): a log line never holds up a request.
    destination ?? pinoDestination({ dest: 1, sync: false }),
  );
  return fromPino(logger);
}

function fromPino(logger: Logger): ServerLogger {
  return {
    pino: logger,
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, err, fields) => logger.error({ ...fields, err: errorFields(err) }, message),
  };
}

export function logLevelFrom(value: string | undefined): LogLevel {
  if (value === undefined || value.trim() === '') return 'info';
  const level = value.trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(`STEWARD_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  }
  return level as LogLevel;
}
