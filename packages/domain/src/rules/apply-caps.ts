/**
 * Caps across the year. Activities fill a cap in date order (then id), so the result does
 * not depend on the order the records arrived in, and the later activity is the one cut.
 */
import type { Activity } from './activity-schema';
import type { PolicyRules, YearCap } from './policy-schema';
import type { ReasonCode } from './reasons';
import { creditsToTenths } from './tenths';

export interface CapEntry {
  activity: Activity;
  /** Credits still counting, in tenths; lowered in place by the caps. */
  tenths: number;
  reasons: ReasonCode[];
  projectCap?: { key: string; tenths: number } | undefined;
}

function byDateThenId(a: CapEntry, b: CapEntry): number {
  if (a.activity.date !== b.activity.date) return a.activity.date < b.activity.date ? -1 : 1;
  if (a.activity.id === b.activity.id) return 0;
  return a.activity.id < b.activity.id ? -1 : 1;
}

function fill(entries: CapEntry[], limitTenths: number, reason: ReasonCode): void {
  let used = 0;
  for (const entry of [...entries].sort(byDateThenId)) {
    const allowed = Math.max(0, Math.min(entry.tenths, limitTenths - used));
    if (allowed < entry.tenths) {
      entry.tenths = allowed;
      if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    }
    used += allowed;
  }
}

/** Per-project caps: records of one project (same number, level and role) share its cap. */
export function applyProjectCaps(entries: CapEntry[]): void {
  const groups = new Map<string, { limit: number; members: CapEntry[] }>();
  for (const entry of entries) {
    if (!entry.projectCap) continue;
    const group = groups.get(entry.projectCap.key) ?? {
      limit: entry.projectCap.tenths,
      members: [],
    };
    group.members.push(entry);
    groups.set(entry.projectCap.key, group);
  }
  for (const { limit, members } of groups.values()) fill(members, limit, 'capped_per_project');
}

function isMember(cap: YearCap, activity: Activity): boolean {
  return cap.members.some(
    (member) =>
      member.type === activity.type &&
      (member.role === undefined || ('role' in activity && activity.role === member.role)) &&
      (member.level === undefined || ('level' in activity && activity.level === member.level)) &&
      (member.remote === undefined ||
        (activity.type === 'project' && (activity.remote ?? false) === member.remote)),
  );
}

/** Yearly caps, in the order the pack lists them. */
export function applyYearCaps(rules: PolicyRules, entries: CapEntry[]): void {
  for (const cap of Object.values(rules.yearCaps)) {
    const members = entries.filter((entry) => isMember(cap, entry.activity));
    fill(members, creditsToTenths(cap.credits), 'capped_per_year');
  }
}
