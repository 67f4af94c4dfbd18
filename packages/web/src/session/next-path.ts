/** Where to go after sign-in: only a same-origin path, never back to /login. */
export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return '/';
  return next;
}

export function loginPathFor(pathname: string, search: string): string {
  const intended = pathname + search;
  return intended === '/' ? '/login' : `/login?next=${encodeURIComponent(intended)}`;
}
