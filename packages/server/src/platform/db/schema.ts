// Every table, gathered for Drizzle and drizzle-kit. Tables live with their feature.
export * from '../../modules/orgs/orgs.schema';
export * from '../../modules/users/users.schema';
export * from '../../modules/auth/auth.schema';
export * from '../../modules/audit-log/audit-log.schema';
export * from '../../modules/people/people.schema';
export * from '../../modules/orgs/review-chains.schema';
export * from '../../modules/projects/projects.schema';
export * from '../../modules/transfers/transfers.schema';
export * from '../../modules/awards/awards.schema';
export * from '../../modules/credits/credits.schema';
export * from '../../modules/evidence/evidence.schema';
export * from '../../modules/certificates/certificates.schema';
export * from '../../modules/hr-push/hr-push.schema';
export * from '../../modules/cards/cards.schema';
export * from '../../modules/checkins/checkins.schema';
