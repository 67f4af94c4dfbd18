/**
 * Overlays are patches: objects merge key by key, anything else (numbers, lists, null)
 * replaces what the pack beneath said. Stacking is then plain data, checked afterwards.
 */
import type { PolicyRules } from './policy-schema';

export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeValue(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = mergeValue(base[key], value);
  return merged;
}

/** The base rules with the patch laid over them (unchecked: see `checkMergedRules`). */
export function mergeRules(base: PolicyRules, patch: DeepPartial<PolicyRules>): unknown {
  return mergeValue(base, patch);
}

/** Every `source` reference in a rules tree, with its path. */
export function collectSources(
  value: unknown,
  path: PropertyKey[] = [],
): { path: PropertyKey[]; id: string }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) => collectSources(item, [...path, index]));
  }
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'source' && typeof item === 'string'
      ? [{ path: [...path, key], id: item }]
      : collectSources(item, [...path, key]),
  );
}

interface ClassProblem {
  path: PropertyKey[];
  message: string;
}

/** A valuation must give a class in force, or none when the rules have no classes. */
export function findClassProblems(rules: PolicyRules): ClassProblem[] {
  const inForce = new Set<string>(rules.classes);
  const problems: ClassProblem[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (!isPlainObject(value)) return;
    for (const [key, item] of Object.entries(value)) {
      if (key !== 'class') {
        visit(item, [...path, key]);
      } else if (
        item === null ? inForce.size > 0 : !(typeof item === 'string' && inForce.has(item))
      ) {
        const expected = inForce.size > 0 ? `one of ${[...inForce].join(', ')}` : 'null';
        problems.push({ path: [...path, key], message: `must be ${expected}` });
      }
    }
  };
  visit(rules.valuation, ['valuation']);
  for (const name of Object.keys(rules.requirements.classMinimums)) {
    if (!inForce.has(name)) {
      problems.push({
        path: ['requirements', 'classMinimums', name],
        message: 'names a class not in force',
      });
    }
  }
  return problems;
}
