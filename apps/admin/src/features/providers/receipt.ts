/** `consent-receipt-<id>.json`, safe as a file name on every OS. */
export function receiptFileName(receiptId: string): string {
  const safe = receiptId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'receipt';
  return `consent-receipt-${safe}.json`;
}

/**
 * The receipt's canonical JSON indented for reading. The download keeps the canonical bytes,
 * because that is what `hash` covers; this is only for the screen.
 */
export function prettyReceiptJson(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
