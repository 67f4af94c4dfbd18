import { z } from 'zod';
import { roleSchema } from './access';

export const userRoleGrantSchema = z.object({
  role: roleSchema,
  orgId: z.uuid(),
  orgName: z.string(),
});

/** An account as administrators see it (账号管理): never its password or hash. */
export const userAccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(userRoleGrantSchema),
  mustChangePassword: z.boolean(),
  lockedUntil: z.iso.datetime().nullable().describe('Set while 5 failed sign-ins lock it'),
  createdAt: z.iso.datetime(),
});
export type UserAccount = z.infer<typeof userAccountSchema>;

export const userListQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).optional().describe('Part of the username or name'),
  role: roleSchema.optional(),
  locked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only accounts locked now by failed sign-ins; false: only the others'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().optional().describe('Keyset cursor: the `nextCursor` of the previous page'),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userListSchema = z.object({
  items: z.array(userAccountSchema),
  nextCursor: z.string().nullable(),
});
export type UserList = z.infer<typeof userListSchema>;

/** A new administrator account with one role at one organisation. */
export const userCreateSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, {
      error: '3–50 letters, digits, dots, dashes or underscores, starting with a letter or digit',
    }),
  displayName: z.string().trim().min(1).max(50),
  role: roleSchema.exclude(['learner']),
  orgId: z.uuid(),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

/** The answer that carries a one-time initial password: shown once, changed at first sign-in. */
export const userWithPasswordSchema = z.object({
  user: userAccountSchema,
  initialPassword: z.string(),
});
export type UserWithPassword = z.infer<typeof userWithPasswordSchema>;
