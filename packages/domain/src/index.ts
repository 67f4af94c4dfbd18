export * from './identity/resident-id';
export * from './identity/credit-code';
export * from './access/password-policy';
