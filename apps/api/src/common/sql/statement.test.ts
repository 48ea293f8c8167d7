import { describe, expect, it } from 'vitest';
import { DIALECTS } from './dialect.js';
import { compile, parseNamed } from './statement.js';

const { sqlite, postgresql } = DIALECTS;

describe('named parameters', () => {
  it('compile to each dialect’s placeholders, values in the order of the text', () => {
    const query = { sql: 'select * from t where a = :a and b = :b', params: { b: 2, a: 1 } };
    expect(compile(sqlite, query)).toEqual({ text: 'select * from t where a = ? and b = ?', values: [1, 2] });
    expect(compile(postgresql, query)).toEqual({ text: 'select * from t where a = $1 and b = $2', values: [1, 2] });
  });

  it('bind a name used several times in every place', () => {
    const query = { sql: 'select :id, (select 1 where x = :id), :other', params: { id: 'p', other: 'o' } };
    expect(compile(sqlite, query).values).toEqual(['p', 'p', 'o']);
    expect(compile(postgresql, query).text).toBe('select $1, (select 1 where x = $2), $3');
  });

  it('expand a list into one placeholder per element, and give the same text for the same lengths', () => {
    const query = { sql: 'select * from t where id in (:ids) and k = :k', params: { ids: ['a', 'b', 'c'], k: 1 } };
    expect(compile(postgresql, query)).toEqual({
      text: 'select * from t where id in ($1, $2, $3) and k = $4',
      values: ['a', 'b', 'c', 1],
    });
    expect(compile(sqlite, query).text).toBe('select * from t where id in (?, ?, ?) and k = ?');
    expect(compile(sqlite, { ...query, params: { ids: ['x'], k: 2 } })).toEqual({
      text: 'select * from t where id in (?) and k = ?',
      values: ['x', 2],
    });
    expect(() => compile(sqlite, { ...query, params: { ids: [], k: 1 } })).toThrow(/Empty list for SQL parameter :ids/);
  });

  it('leave quoted text, identifiers and PostgreSQL casts alone', () => {
    expect(parseNamed(`select '[]'::json, 'a :b ? $1', "c:d", json_extract(x, '$.kind') from t where y = :y`)).toEqual({
      parts: [`select '[]'::json, 'a :b ? $1', "c:d", json_extract(x, '$.kind') from t where y = `, ''],
      names: ['y'],
    });
  });

  it('refuse a missing parameter and a positional one', () => {
    expect(() => compile(sqlite, { sql: 'select :a, :b', params: { a: 1 } })).toThrow('Missing SQL parameter :b');
    expect(() => compile(sqlite, { sql: 'select * from t where a = ?', params: {} })).toThrow(/Positional parameter/);
    expect(() => compile(postgresql, { sql: 'select * from t where a = $1', params: {} })).toThrow(
      /Positional parameter/,
    );
  });

  it('give the same text for the same statement (the prepared-statement caches key on it)', () => {
    const a = compile(postgresql, { sql: 'select :x', params: { x: 1 } });
    const b = compile(postgresql, { sql: 'select :x', params: { x: 2 } });
    expect(a.text).toBe(b.text);
  });
});
