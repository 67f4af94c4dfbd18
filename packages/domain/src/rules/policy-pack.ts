/**
 * Policy packs: a national base for a range of years, or an overlay for a province, city or
 * district that patches the rules of the packs beneath it. Packs are data; this file checks
 * them when they are loaded, so a mistake in a number is an error naming the field.
 */
import { z } from 'zod';
import { policyRulesSchema, yearSchema, type PolicyRules } from './policy-schema';
import { collectSources, findClassProblems, mergeRules, type DeepPartial } from './rules-patch';

export const placeLevels = ['national', 'province', 'city', 'district'] as const;
export type PlaceLevel = (typeof placeLevels)[number];

const sourceSchema = z.strictObject({
  id: z.string().min(1),
  /** The document: a seed file under ../shared/seeds, or a title and number. */
  document: z.string().min(1),
  note: z.string().optional(),
});

const metaShape = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be kebab-case' }),
  version: z.string().min(1),
  title: z.string().min(1),
  years: z.strictObject({ from: yearSchema.optional(), to: yearSchema.optional() }),
  sources: z.array(sourceSchema).min(1, { error: 'must name at least one source' }),
};

const nationalPackSchema = z.strictObject({
  ...metaShape,
  level: z.literal('national'),
  rules: policyRulesSchema,
});

const overlayPackSchema = z.strictObject({
  ...metaShape,
  level: z.enum(['province', 'city', 'district']),
  /** GB/T 2260 code of the province, city or district. */
  code: z.string().regex(/^\d{6}$/, { error: 'must be a 6-digit GB/T 2260 code' }),
  rules: z.record(z.string(), z.unknown()),
});

export type NationalPack = z.infer<typeof nationalPackSchema>;
export type OverlayPack = Omit<z.infer<typeof overlayPackSchema>, 'rules'> & {
  rules: DeepPartial<PolicyRules>;
};
export type PolicyPack = NationalPack | OverlayPack;

/** What pack authors write: the same shapes, before defaults and checks. */
export type NationalPackInput = z.input<typeof nationalPackSchema>;
export type OverlayPackInput = Omit<z.input<typeof overlayPackSchema>, 'rules'> & {
  rules: DeepPartial<PolicyRules>;
};

/** A pack that does not pass its checks: the message names the pack and the field. */
export class PolicyPackError extends Error {
  constructor(
    readonly packId: string,
    readonly field: string,
    problem: string,
  ) {
    super(`policy pack ${packId}: ${field}: ${problem}`);
    this.name = 'PolicyPackError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

function packIdOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') {
    return raw.id;
  }
  return '(unnamed)';
}

function throwFirstIssue(packId: string, error: z.ZodError, prefix: PropertyKey[] = []): never {
  const issue = error.issues[0];
  throw new PolicyPackError(
    packId,
    formatPath([...prefix, ...(issue?.path ?? [])]),
    issue?.message ?? 'invalid',
  );
}

function checkSources(pack: { id: string; sources: { id: string }[] }, rules: unknown): void {
  const known = new Set(pack.sources.map((s) => s.id));
  for (const { path, id } of collectSources(rules, ['rules'])) {
    if (!known.has(id)) {
      throw new PolicyPackError(pack.id, formatPath(path), `unknown source "${id}"`);
    }
  }
}

/** Checks the rules that result from stacking packs: complete, classes consistent. */
export function checkMergedRules(packId: string, rules: unknown): PolicyRules {
  const parsed = policyRulesSchema.safeParse(rules);
  if (!parsed.success) throwFirstIssue(packId, parsed.error, ['rules']);
  const problem = findClassProblems(parsed.data)[0];
  if (problem)
    throw new PolicyPackError(packId, formatPath(['rules', ...problem.path]), problem.message);
  return parsed.data;
}

/** Validates one pack. Overlays are checked fully when stacked on a national pack. */
export function loadPolicyPack(raw: unknown): PolicyPack {
  const packId = packIdOf(raw);
  const isNational =
    typeof raw === 'object' && raw !== null && 'level' in raw && raw.level === 'national';
  if (isNational) {
    const parsed = nationalPackSchema.safeParse(raw);
    if (!parsed.success) throwFirstIssue(packId, parsed.error);
    checkSources(parsed.data, parsed.data.rules);
    checkMergedRules(packId, parsed.data.rules);
    return parsed.data;
  }
  const parsed = overlayPackSchema.safeParse(raw);
  if (!parsed.success) throwFirstIssue(packId, parsed.error);
  checkSources(parsed.data, parsed.data.rules);
  return parsed.data;
}

/** True when the pack's years include `year`. */
export function coversYear(pack: Pick<PolicyPack, 'years'>, year: number): boolean {
  return (pack.years.from ?? -Infinity) <= year && year <= (pack.years.to ?? Infinity);
}

export { mergeRules };
