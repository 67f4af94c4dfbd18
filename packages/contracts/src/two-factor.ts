import { z } from 'zod';
import { meSchema } from './session';

/** How many recovery codes an enrolment hands out; each works once. */
export const recoveryCodeCount = 10;

/** A code from the authenticator app: six digits (RFC 6238 defaults: SHA-1, 30 seconds). */
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'six digits');

/** A recovery code as handed out (`ABCDE-FGHJK`); spaces, case and the dash do not matter. */
export const recoveryCodeSchema = z
  .string()
  .trim()
  .min(10)
  .max(32)
  .describe('One of the recovery codes shown at enrolment, e.g. `7KQ2M-XW4PD`');

/**
 * Proof of the second factor: the app's current code, or one unused recovery code. Exactly
 * one of the two.
 */
export const secondFactorProofSchema = z
  .object({
    code: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), {
    message: 'send either code or recoveryCode',
    path: ['code'],
  });
export type SecondFactorProof = z.infer<typeof secondFactorProofSchema>;

/** The answer to a correct password when the account has a second factor: no session yet. */
export const secondFactorChallengeSchema = z.object({
  secondFactorRequired: z.literal(true),
  challengeToken: z
    .string()
    .describe('Send back with the code to `POST /api/v1/session/second-factor`; single use'),
  expiresAt: z.iso.datetime(),
});
export type SecondFactorChallenge = z.infer<typeof secondFactorChallengeSchema>;

/** What `POST /api/v1/session` answers: the signed-in user (200) or a challenge (202). */
export const signInAnswerSchema = z.union([meSchema, secondFactorChallengeSchema]);
export type SignInAnswer = z.infer<typeof signInAnswerSchema>;

export const secondFactorSignInRequestSchema = z
  .object({
    challengeToken: z.string().min(16).max(128),
    code: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.recoveryCode === undefined), {
    message: 'send either code or recoveryCode',
    path: ['code'],
  });
export type SecondFactorSignInRequest = z.infer<typeof secondFactorSignInRequestSchema>;

export const twoFactorStatusSchema = z.object({
  enrolled: z.boolean(),
  required: z.boolean(),
  confirmedAt: z.iso.datetime().nullable(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

/** Starting (or restarting) an enrolment: an enrolled user proves the current factor first. */
export const startEnrolmentRequestSchema = z.object({
  code: totpCodeSchema.optional(),
  recoveryCode: recoveryCodeSchema.optional(),
});
export type StartEnrolmentRequest = z.infer<typeof startEnrolmentRequestSchema>;

export const enrolmentSchema = z.object({
  secret: z.string().describe('The shared secret in base32, for typing into the app by hand'),
  otpauthUri: z.string().describe('`otpauth://totp/…`: what the page shows as a QR code'),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const confirmEnrolmentRequestSchema = z.object({ code: totpCodeSchema });
export type ConfirmEnrolmentRequest = z.infer<typeof confirmEnrolmentRequestSchema>;

export const confirmedEnrolmentSchema = z.object({
  recoveryCodes: z
    .array(z.string())
    .length(recoveryCodeCount)
    .describe('Shown this once: the server keeps only their hashes'),
  me: meSchema,
});
export type ConfirmedEnrolment = z.infer<typeof confirmedEnrolmentSchema>;
