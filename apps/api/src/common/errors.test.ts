import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { loggableError } from './errors.js';

describe('loggableError (what the server log says about an error)', () => {
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';
  const sql = `insert into "admin_user" ("email", "password_hash") values ('sato@jspe.example', '${hash}')`;

  it('names a database error by class and code, never its statement or values', () => {
    const driver = Object.assign(new Error(`${sql} - duplicate key value violates unique constraint`), {
      code: '23505',
      detail: 'Key (email)=(sato@jspe.example) already exists.',
    });
    const wrapped = new UniqueConstraintViolationException(driver);
    for (const err of [driver, wrapped]) {
      const line = loggableError(err);
      expect(line).not.toMatch(/sato|argon2|insert|admin_user/);
      expect(line).toContain('23505');
    }
    expect(loggableError(wrapped)).toBe('UniqueConstraintViolationException (code 23505)');
    const sqlite = Object.assign(new Error(`${sql} - SQLITE_CONSTRAINT: UNIQUE constraint failed: admin_user.email`), {
      code: 'SQLITE_CONSTRAINT',
    });
    expect(loggableError(new UniqueConstraintViolationException(sqlite))).toBe(
      'UniqueConstraintViolationException (code SQLITE_CONSTRAINT)',
    );
  });

  it('keeps the start of any other error message', () => {
    expect(loggableError(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
    expect(loggableError(new Error('y'.repeat(500)))).toHaveLength('Error: '.length + 300);
    expect(loggableError('a string')).toBe('');
  });
});
