import { z } from 'zod';
import { professions, titleGrades, transferStatuses } from './codes';

export const professionSchema = z.enum(professions);
export type Profession = z.infer<typeof professionSchema>;

export const titleGradeSchema = z.enum(titleGrades);
export type TitleGrade = z.infer<typeof titleGradeSchema>;

export const sexSchema = z.enum(['male', 'female']);

const phoneSchema = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, 'must be an 11-digit mobile number');

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .pipe(z.email('must be an email address'));

/** A health professional as every screen and API answer shows them: the ID is masked. */
export const personSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumberMasked: z
    .string()
    .describe('e.g. 1101**********1234; the full number needs person:reveal_id'),
  sex: sexSchema,
  birthDate: z.iso.date(),
  phone: z
    .string()
    .nullable()
    .describe(
      'Masked in lists (138****5678); whole on one person’s page for those with person:manage and the person',
    ),
  email: z
    .string()
    .nullable()
    .optional()
    .describe('Where email notifications go; on one person’s page only'),
  profession: professionSchema,
  tcm: z.boolean().describe('Traditional Chinese medicine'),
  titleGrade: titleGradeSchema,
  unitId: z.uuid(),
  unitName: z.string(),
  username: z.string().nullable().describe('The learner account, if one exists'),
  createdAt: z.iso.datetime(),
});
export type Person = z.infer<typeof personSchema>;

export const personCreateSchema = z.object({
  name: z.string().trim().min(1).max(50),
  idNumber: z
    .string()
    .trim()
    .describe('Resident ID number (GB 11643); 15-digit legacy numbers are converted'),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
  profession: professionSchema,
  tcm: z.boolean().default(false),
  titleGrade: titleGradeSchema,
  unitId: z.uuid(),
});
export type PersonCreate = z.infer<typeof personCreateSchema>;

/** Every field optional, defaults dropped: a field not sent is left as it is, never reset. */
export const personUpdateSchema = personCreateSchema
  .omit({ idNumber: true, unitId: true })
  .partial()
  .extend({
    phone: phoneSchema.nullable().optional(),
    email: emailSchema.nullable().optional(),
    tcm: z.boolean().optional(),
  });
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

/** The answer to creating a person: their learner account's one-time initial password. */
export const personCreatedSchema = z.object({
  person: personSchema,
  account: z.object({ username: z.string(), initialPassword: z.string() }),
});

export const personListQuerySchema = z.object({
  unitId: z.uuid().optional().describe('A unit, or any org: its whole subtree'),
  q: z.string().trim().min(1).max(50).optional().describe('Part of the name'),
  profession: professionSchema.optional(),
  titleGrade: titleGradeSchema.optional(),
  sort: z.enum(['name', 'createdAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().optional().describe('Keyset cursor: `nextCursor` of the previous page'),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const personListSchema = z.object({
  items: z.array(personSchema),
  nextCursor: z.string().nullable(),
});
export type PersonList = z.infer<typeof personListSchema>;

export const idRevealSchema = z.object({ idNumber: z.string() });

export const idParamsSchema = z.object({ id: z.uuid() });

export const transferSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  idNumberMasked: z.string(),
  fromUnitId: z.uuid(),
  fromUnitName: z.string(),
  toUnitId: z.uuid(),
  toUnitName: z.string(),
  status: z.enum(transferStatuses),
  note: z.string().nullable(),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable(),
});
export type Transfer = z.infer<typeof transferSchema>;

export const transferCreateSchema = z.object({
  personId: z.uuid(),
  toUnitId: z.uuid(),
  note: z.string().trim().max(200).optional(),
});
export const transferDecisionSchema = z.object({
  decision: z.enum(['accept', 'reject']),
  reason: z.string().trim().max(200).optional(),
});
export const transferListQuerySchema = z.object({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum(transferStatuses).optional(),
});
export const transferListSchema = z.object({ items: z.array(transferSchema) });

/** A person's employment history: one row per unit, closed when they transfer out. */
export const unitHistorySchema = z.object({
  items: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      from: z.iso.datetime(),
      to: z.iso.datetime().nullable(),
    }),
  ),
});
