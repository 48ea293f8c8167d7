/**
 * Where to go after signing in. Only same-origin absolute paths are followed (no `//host`,
 * no `/\host`, no scheme), so a crafted login link cannot send an admin elsewhere.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/')) return fallback;
  if (next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // eslint-disable-next-line no-control-regex -- refuse control characters in a redirect target
  if (/[\u0000-\u001f]/.test(next)) return fallback;
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return fallback;
  return next;
}

export function loginPathFor(pathname: string, search = ''): string {
  const target = `${pathname}${search}`;
  if (!target || target === '/' || pathname.startsWith('/login')) return '/login';
  return `/login?next=${encodeURIComponent(target)}`;
}
