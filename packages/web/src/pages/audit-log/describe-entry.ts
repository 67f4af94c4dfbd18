import type { AuditDetailKey, AuditLogEntry } from '@jijiao/contracts';
import type { Translate } from '../../i18n/use-t';
import { isCodeOf, labelOf, type VocabularyName } from '../../i18n/vocabulary';
import { zhCN } from '../../i18n/zh-CN';
import { formatDateTime } from '../../utils/format';

/** Keys holding another record's id: shown in full when an entry is opened, not in its line. */
const idKeys: ReadonlySet<string> = new Set<AuditDetailKey>([
  'runId',
  'auditId',
  'personId',
  'projectId',
  'platformId',
  'unitId',
  'orgId',
  'claimId',
  'id',
]);

/** Which statuses an action's `from`, `to` and `status` are, by its family. */
function statusVocabulary(action: string): VocabularyName | undefined {
  if (action.startsWith('credit.')) return 'claimStatus';
  if (action.startsWith('audit.report_')) return 'unitReportStatus';
  if (action.startsWith('audit.early_')) return 'earlyAuditStatus';
  if (action.startsWith('award.')) return 'awardBatchStatus';
  if (action.startsWith('project.')) return 'projectStatus';
  if (action.startsWith('transfer.')) return 'transferStatus';
  if (action.startsWith('card_order.')) return 'cardOrderStatus';
  if (action.startsWith('card.')) return 'cardStatus';
  return undefined;
}

const has = <K extends string>(tree: Record<K, string>, key: string): key is K => key in tree;

function yesNo(t: Translate, value: boolean): string {
  return t(value ? 'codes.yes' : 'codes.no');
}

/** A filter's conditions in words: paging and conditions this build does not know left out. */
function filterText(t: Translate, filter: unknown): string {
  if (typeof filter !== 'object' || filter === null) return t('auditDescribe.none');
  const parts = Object.entries(filter as Record<string, unknown>).flatMap(([key, value]) => {
    if (!has(zhCN.auditDescribe.filter, key)) return [];
    const text = filterValueText(t, key, value);
    return text === undefined ? [] : [`${t(`auditDescribe.filter.${key}`)} ${text}`];
  });
  return parts.length === 0
    ? t('auditDescribe.none')
    : parts.join(t('auditDescribe.conditionSeparator'));
}

/** One condition's value in words; undefined when empty or of an unexpected kind. */
function filterValueText(t: Translate, key: string, value: unknown): string | undefined {
  if (typeof value === 'boolean') return yesNo(t, value);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const vocabulary: Partial<Record<string, VocabularyName>> = {
    profession: 'profession',
    titleGrade: 'titleGrade',
    level: 'projectLevel',
    status: 'projectStatus',
  };
  const name = vocabulary[key];
  if (name !== undefined) return labelOf(t, name, value);
  return key === 'unitId' ? shortId(value) : value;
}

const shortId = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…` : id);

/** One detail's value in words, by its key and the action it belongs to. */
export function detailValueText(t: Translate, action: string, key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (key === 'filter' || key === 'filters') return filterText(t, value);
  if (Array.isArray(value)) {
    if (key === 'fields')
      return value
        .map((f) =>
          has(zhCN.auditDescribe.field, String(f))
            ? t(`auditDescribe.field.${String(f) as keyof typeof zhCN.auditDescribe.field}`)
            : '—',
        )
        .join(t('policyRules.listSeparator'));
    return t('auditDescribe.items', { count: value.length });
  }
  if (typeof value === 'boolean') return yesNo(t, value);
  if (typeof value === 'number') {
    if (key === 'step') return t('auditDescribe.step', { step: value + 1 });
    if (key === 'feeFen') return t('auditDescribe.yuan', { yuan: (value / 100).toFixed(2) });
    if (key === 'minShare') return t('auditDescribe.percent', { percent: Math.round(value * 100) });
    return String(value);
  }
  if (typeof value !== 'string') return '—';
  const statuses = statusVocabulary(action);
  if ((key === 'from' || key === 'to' || key === 'status') && statuses !== undefined)
    return labelOf(t, statuses, value);
  if (key === 'channel') return labelOf(t, 'creditChannel', value);
  if (key === 'action') return labelOf(t, 'reviewAction', value);
  if (key === 'role') return labelOf(t, 'role', value);
  if (key === 'contentType') return labelOf(t, 'evidenceType', value);
  if (key === 'kind')
    return action.startsWith('attendance_rule.')
      ? has(zhCN.codes.attendanceRule, value)
        ? t(`codes.attendanceRule.${value}`)
        : '—'
      : labelOf(t, 'hrPushKind', value);
  if (key === 'source')
    return isCodeOf('awardLineSource', value)
      ? labelOf(t, 'awardLineSource', value)
      : has(zhCN.codes.awardBatchSource, value)
        ? t(`codes.awardBatchSource.${value}`)
        : '—';
  if (key === 'until') return formatDateTime(value);
  if (key === 'sha256') return value.slice(0, 12);
  return value;
}

/** A detail's name; undefined for a key this build does not know (left out). */
export function detailLabel(t: Translate, key: string): string | undefined {
  return isCodeOf('auditDetail', key) ? labelOf(t, 'auditDetail', key) : undefined;
}

/**
 * An entry's details as one readable line: `from` and `to` as one change, ids left out
 * (they show when the entry is opened), every other key by its name.
 */
export function describeDetails(
  t: Translate,
  entry: Pick<AuditLogEntry, 'action' | 'details'>,
): string {
  const { action, details } = entry;
  const parts: string[] = [];
  const pair = (label: string, value: string) => t('auditDescribe.pair', { label, value });
  if ('from' in details || 'to' in details) {
    const change = t('auditDescribe.change', {
      from: detailValueText(t, action, 'from', details.from),
      to: detailValueText(t, action, 'to', details.to),
    });
    const label =
      action === 'platform.trust_changed' ? t('auditDescribe.trusted') : t('auditDetail.status');
    parts.push(pair(label, change));
  }
  for (const [key, value] of Object.entries(details)) {
    if (key === 'from' || key === 'to' || idKeys.has(key) || value === null) continue;
    const label = detailLabel(t, key);
    if (label === undefined) continue;
    parts.push(pair(label, detailValueText(t, action, key, value)));
  }
  return parts.join(t('auditDescribe.separator'));
}

/** Who did it: a username, or the command line or the system in words. */
export function actorText(t: Translate, username: string | null): string {
  if (username === null) return '—';
  return isCodeOf('auditActor', username) ? labelOf(t, 'auditActor', username) : username;
}

/** What it is about: the target's kind in words and a short id. */
export function targetText(
  t: Translate,
  entry: Pick<AuditLogEntry, 'targetType' | 'targetId'>,
): string {
  if (entry.targetId === null) return '—';
  const kind = entry.targetType === null ? '' : `${labelOf(t, 'auditTarget', entry.targetType)} `;
  return `${kind}${shortId(entry.targetId)}`;
}
