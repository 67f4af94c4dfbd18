import { z } from 'zod';
import { roleSchema, permissionSchema } from './access';
import { orgKindSchema } from './orgs';

export const signInRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const roleGrantSchema = z.object({
  role: roleSchema,
  orgId: z.uuid(),
  orgName: z.string(),
  orgKind: orgKindSchema,
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
    twoFactor: z
      .object({
        enrolled: z.boolean().describe('A confirmed authenticator app (TOTP) is on the account'),
        required: z
          .boolean()
          .describe(
            'One of the roles must sign in with two factors (`JIJIAO_MFA_REQUIRED_ROLES`); while required and not enrolled, the session can only enrol',
          ),
      })
      .describe('Two-factor sign-in (TOTP, RFC 6238)'),
  }),
  roles: z.array(roleGrantSchema),
  permissions: z.array(permissionSchema),
  csrfToken: z
    .string()
    .describe('Send back as the `X-CSRF-Token` header on every cookie-authenticated write'),
  session: z.object({
    idleExpiresAt: z.iso.datetime(),
    absoluteExpiresAt: z.iso.datetime(),
  }),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
