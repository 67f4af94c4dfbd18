// Every table, gathered for Drizzle and drizzle-kit. Tables live here, one file per feature, so
// that modules may join each other's tables without importing each other (see ARCHITECTURE.md).
export * from './tables/orgs';
export * from './tables/users';
export * from './tables/auth';
export * from './tables/audit-log';
export * from './tables/people';
export * from './tables/review-chains';
export * from './tables/projects';
export * from './tables/transfers';
export * from './tables/awards';
export * from './tables/credits';
export * from './tables/evidence';
export * from './tables/certificates';
export * from './tables/certificate-pdfs';
export * from './tables/hr-push';
export * from './tables/award-lines';
export * from './tables/provider';
export * from './tables/audit';
export * from './tables/cards';
export * from './tables/checkins';
export * from './tables/standings';
export * from './tables/jobs';
export * from './tables/calendar';
export * from './tables/notifications';
export * from './tables/scheduled-runs';
export * from './tables/rate-limits';
export * from './tables/claim-archives';
