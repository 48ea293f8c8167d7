import { describe, expect, it } from 'vitest';
import { requestIdFrom } from '../http/request-log.js';
import { createLogger, errorFields, logLevelFrom } from './logger.js';

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe('the logger', () => {
  it('logs an error by its class and code only, never its message (a driver can quote SQL and values)', () => {
    const driver = Object.assign(new Error("insert into provider values ('aiko@example.jp')"), {
      name: 'UniqueConstraintViolationException',
      code: 'SQLITE_CONSTRAINT',
      cause: Object.assign(new Error('duplicate key aiko@example.jp'), { code: '23505' }),
    });
    const { log, lines } = capture('info');
    log.error('Unexpected error while resolving a request', driver);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'Unexpected error while resolving a request',
      err: { class: 'UniqueConstraintViolationException', code: 'SQLITE_CONSTRAINT', causes: ['Error:23505'] },
    });
    expect(JSON.stringify(lines[0])).not.toContain('aiko');
    expect((lines[0]!.err as { at: string[] }).at[0]).toMatch(/logger\.test\.ts:\d+:\d+/);
  });

  it('keeps only the frames V8 wrote: a message that looks like frames is cut off with the header', () => {
    const forged = new Error('bad value\n    at aiko@example.jp (file:///x.js:1:1)');
    const fields = errorFields(forged)!;
    expect(JSON.stringify(fields)).not.toContain('aiko');
    expect(fields.at?.length).toBeGreaterThan(0);
  });

  it('keeps a code only when it looks like one, and a class name only when it is one', () => {
    const bare = (e: unknown) => ({ ...errorFields(e), at: undefined });
    expect(bare(Object.assign(new Error('x'), { code: 'value aiko@example.jp' }))).toEqual({ class: 'Error' });
    expect(bare(Object.assign(new Error('x'), { name: 'not a <name>' }))).toEqual({ class: 'Error' });
    expect(bare(new TypeError('secret'))).toEqual({ class: 'TypeError' });
    expect(errorFields('a thrown string with a value')).toEqual({ class: 'string' });
    expect(errorFields(undefined)).toBeUndefined();
  });

  it('writes JSON lines at the level STEWARD_LOG_LEVEL names (info by default)', () => {
    expect(logLevelFrom(undefined)).toBe('info');
    expect(logLevelFrom(' WARN ')).toBe('warn');
    expect(() => logLevelFrom('loud')).toThrow(/STEWARD_LOG_LEVEL must be one of/);
    const { log, lines } = capture('warn');
    log.info('not written');
    log.error('written', undefined, { reqId: 'r1' });
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'written', reqId: 'r1' })]);
    expect(typeof lines[0]!.time).toBe('string');
  });

  it('takes a sane X-Request-Id as it is and makes one otherwise', () => {
    expect(requestIdFrom('abc-123_X.y')).toBe('abc-123_X.y');
    expect(requestIdFrom('a'.repeat(128))).toBe('a'.repeat(128));
    for (const insane of ['a'.repeat(129), '', 'has space', 'a@b.c', 'line\nbreak', ['a', 'b'], undefined])
      expect(requestIdFrom(insane)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
