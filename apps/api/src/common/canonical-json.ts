/**
 * JSON with object keys sorted at every level, so equal content always hashes equally
 * (what receipts, ledger entries and policy versions commit to). Exactly
 * `JSON.stringify(value with keys sorted, Dates as ISO strings)`, written out directly: the ledger
 * hashes two of these per decision and fifty per partner page, and verification one per entry,
 * so building sorted copies first was measurable (bench/README.md).
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

/** undefined where JSON.stringify leaves the value out (undefined, functions, symbols). */
function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    case 'bigint':
      // As JSON.stringify: a bigint has no JSON form.
      throw new TypeError('Do not know how to serialize a BigInt');
    default:
      return undefined;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (write(value[i]) ?? 'null');
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // As the definition: such an object is handed to JSON.stringify as it is (never part of a ledger entry).
  if (typeof record.toJSON === 'function') return JSON.stringify(record.toJSON());
  let out = '{';
  let first = true;
  for (const key of sortedKeys(record)) {
    const text = write(record[key]);
    if (text === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/** An array-index-like key ("0", "42"): JavaScript objects list these first, in numeric order. */
const isIndexKey = (key: string) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;

/** Keys in the order an object built from sorted keys lists them (what the hashes were defined over). */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record).sort();
  if (!keys.some(isIndexKey)) return keys;
  return [...keys.filter(isIndexKey).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndexKey(k))];
}
