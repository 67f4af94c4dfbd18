import type { CookieSerializeOptions } from '@fastify/cookie';

/** `__Host-` pins the cookie to this host and path `/`; browsers require Secure for it. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-jijiao_session' : 'jijiao_session';
}

export function sessionCookieOptions(secure: boolean): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure };
}
