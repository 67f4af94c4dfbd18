import type { AuditLogFilters } from '../../api/audit-log';

/** The filter form's values: days are date-picker values (anything with `format`). */
export interface FilterForm {
  action?: string;
  actor?: string;
  targetId?: string;
  days?: [{ format(pattern: string): string } | null, { format(pattern: string): string } | null];
}

/** Only the filled filters, trimmed; days as YYYY-MM-DD (China Standard Time on the server). */
export function toFilters(form: FilterForm): AuditLogFilters {
  const text = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  };
  const [from, to] = form.days ?? [null, null];
  const filters: AuditLogFilters = {};
  const action = text(form.action);
  const actor = text(form.actor);
  const targetId = text(form.targetId);
  if (action) filters.action = action;
  if (actor) filters.actor = actor;
  if (targetId) filters.targetId = targetId;
  if (from) filters.from = from.format('YYYY-MM-DD');
  if (to) filters.to = to.format('YYYY-MM-DD');
  return filters;
}
