import { describe, expect, it } from 'vitest';
import { currentAfter, cursorStackReducer, EMPTY_CURSOR_STACK, pageNumber } from './cursor-stack.js';

describe('cursorStackReducer', () => {
  it('starts on page one with no cursor', () => {
    expect(currentAfter(EMPTY_CURSOR_STACK)).toBeNull();
    expect(pageNumber(EMPTY_CURSOR_STACK)).toBe(1);
  });

  it('pushes the end cursor on Next and pops on Previous', () => {
    let s = cursorStackReducer(EMPTY_CURSOR_STACK, { type: 'next', endCursor: 'c25' });
    s = cursorStackReducer(s, { type: 'next', endCursor: 'c50' });
    expect(currentAfter(s)).toBe('c50');
    expect(pageNumber(s)).toBe(3);
    s = cursorStackReducer(s, { type: 'previous' });
    expect(currentAfter(s)).toBe('c25');
    s = cursorStackReducer(s, { type: 'previous' });
    expect(currentAfter(s)).toBeNull();
  });

  it('ignores Next without a cursor and Previous on the first page', () => {
    expect(cursorStackReducer(EMPTY_CURSOR_STACK, { type: 'next', endCursor: null })).toBe(EMPTY_CURSOR_STACK);
    expect(cursorStackReducer(EMPTY_CURSOR_STACK, { type: 'previous' })).toBe(EMPTY_CURSOR_STACK);
  });

  it('resets to the first page', () => {
    const s = cursorStackReducer(['a', 'b'], { type: 'reset' });
    expect(s).toEqual([]);
    expect(cursorStackReducer(EMPTY_CURSOR_STACK, { type: 'reset' })).toBe(EMPTY_CURSOR_STACK);
  });

  it('does not mutate the previous stack', () => {
    const before = ['a'];
    cursorStackReducer(before, { type: 'next', endCursor: 'b' });
    cursorStackReducer(before, { type: 'previous' });
    expect(before).toEqual(['a']);
  });
});
