/**
 * The canonical JSON Steward hashes: `JSON.stringify` of the value with every object's keys sorted
 * (apps/api/src/common/canonical-json.ts, which writes the same text directly for speed). Rebuilt
 * here from its definition so the verifier depends on nothing of the server. For parsed JSON
 * (what a proof package holds) the two agree byte for byte, integer-like keys included: an object
 * built from sorted keys lists those first, in numeric order, and so does the server's writer.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value)) ?? 'null';
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  // Object.fromEntries defines own properties, so a "__proto__" key stays a key.
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sorted(record[key])]),
  );
}
