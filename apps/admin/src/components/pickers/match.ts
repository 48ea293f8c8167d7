/** Whether `text` holds every space-separated word of `search`, ignoring case and width (NFKC). */
export function matchesAll(text: string, search: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase();
  const haystack = fold(text);
  return fold(search)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
