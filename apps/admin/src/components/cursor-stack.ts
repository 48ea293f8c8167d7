/**
 * Relay cursor pagination without offsets: the stack holds the `after` cursor of every page past
 * the first; the top is the current page's `after`. Next pushes the page's `endCursor`, Previous
 * pops. Any change of filter resets to the first page.
 */
export type CursorStack = readonly string[];

export const EMPTY_CURSOR_STACK: CursorStack = [];

export type CursorAction =
  { type: 'next'; endCursor: string | null | undefined } | { type: 'previous' } | { type: 'reset' };

export function cursorStackReducer(stack: CursorStack, action: CursorAction): CursorStack {
  switch (action.type) {
    case 'next':
      return action.endCursor ? [...stack, action.endCursor] : stack;
    case 'previous':
      return stack.length === 0 ? stack : stack.slice(0, -1);
    case 'reset':
      return stack.length === 0 ? stack : EMPTY_CURSOR_STACK;
  }
}

/** The `after` variable for the current page (null on the first page). */
export function currentAfter(stack: CursorStack): string | null {
  return stack.length === 0 ? null : (stack[stack.length - 1] ?? null);
}

/** 1-based page number, for display only. */
export function pageNumber(stack: CursorStack): number {
  return stack.length + 1;
}
