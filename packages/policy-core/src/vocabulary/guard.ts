/** Builds a type guard for one of the vocabulary's `as const` lists. */
export function memberOf<const T extends string>(values: readonly T[]): (x: unknown) => x is T {
  const set: ReadonlySet<unknown> = new Set(values);
  return (x: unknown): x is T => typeof x === 'string' && set.has(x);
}
