import { useCallback, useState } from 'react';
import {
  currentAfter,
  cursorStackReducer,
  EMPTY_CURSOR_STACK,
  pageNumber,
  type CursorAction,
  type CursorStack,
} from './cursor-stack.js';

export type CursorPaging = {
  after: string | null;
  page: number;
  hasPrevious: boolean;
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
  reset: () => void;
};

/**
 * A cursor stack that belongs to one filter: when `resetKey` changes (a new search or filter) the
 * stack is empty in that very render, so no request goes out with an old cursor and a new filter.
 */
export function useCursorStack(resetKey = ''): CursorPaging {
  const [state, setState] = useState<{ key: string; stack: CursorStack }>({ key: resetKey, stack: EMPTY_CURSOR_STACK });
  const stack = state.key === resetKey ? state.stack : EMPTY_CURSOR_STACK;

  const dispatch = useCallback(
    (action: CursorAction) =>
      setState((s) => ({
        key: resetKey,
        stack: cursorStackReducer(s.key === resetKey ? s.stack : EMPTY_CURSOR_STACK, action),
      })),
    [resetKey],
  );

  return {
    after: currentAfter(stack),
    page: pageNumber(stack),
    hasPrevious: stack.length > 0,
    next: useCallback((endCursor: string | null | undefined) => dispatch({ type: 'next', endCursor }), [dispatch]),
    previous: useCallback(() => dispatch({ type: 'previous' }), [dispatch]),
    reset: useCallback(() => dispatch({ type: 'reset' }), [dispatch]),
  };
}
