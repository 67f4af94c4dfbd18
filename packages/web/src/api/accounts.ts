import {
  userAccountSchema,
  userListSchema,
  userWithPasswordSchema,
  type UserAccount,
  type UserCreate,
  type UserList,
  type UserListQuery,
  type UserWithPassword,
} from '@jijiao/contracts';
import { request } from './client';

const userPath = (id: string) => `/api/v1/users/${encodeURIComponent(id)}`;

export function listAccounts(
  query: Partial<Pick<UserListQuery, 'q' | 'role' | 'locked' | 'limit'>> & {
    after?: string | undefined;
  },
): Promise<UserList> {
  return request('GET', '/api/v1/users', userListSchema, { query: { ...query } });
}

/** A new administrator account: the answer carries its one-time password, shown once. */
export function createAccount(body: UserCreate): Promise<UserWithPassword> {
  return request('POST', '/api/v1/users', userWithPasswordSchema, { body });
}

export function resetAccountPassword(id: string): Promise<UserWithPassword> {
  return request('POST', `${userPath(id)}/reset-password`, userWithPasswordSchema);
}

/** Turns an account's two-factor sign-in off (a lost phone); its sessions end. */
export function resetAccountTwoFactor(id: string): Promise<UserAccount> {
  return request('POST', `${userPath(id)}/two-factor/reset`, userAccountSchema);
}

export function unlockAccount(id: string): Promise<UserAccount> {
  return request('POST', `${userPath(id)}/unlock`, userAccountSchema);
}
