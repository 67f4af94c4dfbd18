import { z } from 'zod';
import { evidenceContentTypes } from './codes';

export const evidenceContentTypeSchema = z.enum(evidenceContentTypes);
export type EvidenceContentType = z.infer<typeof evidenceContentTypeSchema>;

export const evidenceUploadedSchema = z.object({
  sha256: z.string().describe('Content address: GET /api/v1/evidence/{sha256}'),
  fileName: z.string(),
  contentType: evidenceContentTypeSchema,
  sizeBytes: z.number().int(),
  declaredTypeMismatch: z
    .boolean()
    .describe('The name or declared type said otherwise; stored as what the bytes are'),
});
export type EvidenceUploaded = z.infer<typeof evidenceUploadedSchema>;

export const sha256ParamsSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256'),
});
