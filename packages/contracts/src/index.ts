export * from './errors';
export * from './access';
export * from './orgs';
export * from './session';
export * from './system';
export * from './audit-log';
