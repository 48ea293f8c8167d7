/** Internal (not exported from the package): a Date that is not Invalid Date. */
export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
