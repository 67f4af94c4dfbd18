export { ApiError, isApiError, passwordProblemsOf, type ApiErrorCode } from './errors';
export type { PasswordProblem } from './errors';
export { fetchAppInfo } from './app-info';
export { fetchOrg, listOrgs } from './orgs';
export { changePassword, fetchMe, signIn, signOut } from './session';
