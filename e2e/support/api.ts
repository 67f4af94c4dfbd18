import { demoPassword } from './server';

/** A signed-in API session for test setup (cookie + CSRF token), as a script would use it. */
export interface ApiSession {
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
  upload<T>(path: string, bytes: Uint8Array, fileName: string, contentType: string): Promise<T>;
  roles: { role: string; orgId: string; orgName: string }[];
}

export async function apiSignIn(baseUrl: string, username: string): Promise<ApiSession> {
  const signIn = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in of ${username}: ${await signIn.text()}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const session = (await signIn.json()) as {
    csrfToken: string;
    roles: ApiSession['roles'];
  };
  const headers = { cookie, 'x-csrf-token': session.csrfToken };
  async function answer<T>(response: Response, what: string): Promise<T> {
    if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  return {
    roles: session.roles,
    async call<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return answer<T>(response, `${method} ${path}`);
    },
    async upload<T>(path: string, bytes: Uint8Array, fileName: string, contentType: string) {
      const form = new FormData();
      form.append('file', new Blob([Uint8Array.from(bytes)], { type: contentType }), fileName);
      const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: form });
      return answer<T>(response, `POST ${path}`);
    },
  };
}
