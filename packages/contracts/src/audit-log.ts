import { z } from 'zod';

export const auditLogEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorUserId: z.uuid().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string().describe('e.g. sign_in.succeeded, sign_in.failed, account.locked, sign_out'),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;

export const auditLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().optional().describe('Keyset cursor: entries older than this id'),
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('An action (sign_in.failed) or, ending in a dot, a family of them (audit.)'),
  actor: z.string().trim().min(1).max(100).optional().describe('The acting username, exactly'),
  targetId: z.string().trim().min(1).max(100).optional().describe('The target’s id, exactly'),
  from: z.iso.date().optional().describe('First day (China Standard Time), inclusive'),
  to: z.iso.date().optional().describe('Last day (China Standard Time), inclusive'),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const auditLogListSchema = z.object({
  items: z.array(auditLogEntrySchema),
  nextBefore: z.number().int().nullable(),
});
export type AuditLogList = z.infer<typeof auditLogListSchema>;
