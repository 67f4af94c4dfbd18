/** The roles an administrator account can be created with; learners come with their person. */
export const adminRoles = [
  'unit_admin',
  'reviewer',
  'host_admin',
  'province_admin',
  'system_admin',
] as const;
