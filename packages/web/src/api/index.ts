export { ApiError, isApiError, passwordProblemsOf, type ApiErrorCode } from './errors';
export type { PasswordProblem } from './errors';
export { fetchAppInfo } from './app-info';
export {
  createOrg,
  fetchOrg,
  fetchReviewChain,
  listOrgs,
  searchUnits,
  updateOrg,
  updateReviewChain,
  type UnitDirectoryEntry,
} from './orgs';
export { changePassword, fetchMe, signIn, signInSecondFactor, signOut } from './session';
export * from './two-factor';
export { importReportOf } from './imports';
export * from './jobs';
export * from './people';
export * from './projects';
export * from './reviews';
export * from './credits';
export * from './awards';
export * from './credit-entry';
export * from './provider';
export * from './audit';
export * from './checkins';
export * from './cards';
export * from './audit-log';
export * from './policies';
export * from './accounts';
export * from './dashboards';
export * from './certificates';
export * from './certificate-register';
export * from './fraud';
export * from './hr-push';
export * from './backups';
