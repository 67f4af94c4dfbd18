import type { FormInstance, FormRule as Rule } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ActivityType, EvidenceDocumentKind, EvidenceRef } from '@jijiao/contracts';
import { fetchMyYears, isApiError } from '../../../api';
import { issueMessage } from '../../../forms/server-issues';
import type { MessageKey } from '../../../i18n/message-key';
import { useT } from '../../../i18n/use-t';
import { labelOf as labelOfCode } from '../../../i18n/vocabulary';
import { activityFields, type ActivityField, type ActivityValues } from '../activity-fields';
import { countProblemOf, dateProblemOf, localToday, missingDocumentsOf } from './claim-form-rules';

const fieldLabelKey = (name: ActivityField['name']): MessageKey =>
  name === 'hostProvince' ? 'selfReportForm.hostProvince' : `credits.field.${name}`;

/**
 * The self-report form's checks, beside each field and in Chinese: the date (not after
 * today, in an open year), numbers (no negative count), the documents the type asks for;
 * and the server's field issues put back under their fields.
 */
export function useClaimFormRules(
  form: FormInstance,
  /** The year of the claim being corrected: a returned claim stays correctable in its year. */
  claimYear?: number,
) {
  const { t } = useT();
  const years = useQuery({ queryKey: ['me', 'years'], queryFn: fetchMyYears, retry: false });
  // New self-reports are taken for the current year only: an earlier year is closed.
  const openYears = years.data
    ? [...new Set([years.data.currentYear, ...(claimYear === undefined ? [] : [claimYear])])]
    : [];

  const labelOf = (name: ActivityField['name']) => t(fieldLabelKey(name));

  const dateRule: Rule = {
    validator: (_, value: unknown) => {
      if (typeof value !== 'string' || value === '') return Promise.resolve();
      const problem = dateProblemOf(value, localToday(), openYears);
      if (problem === 'future') return Promise.reject(new Error(t('selfReportForm.dateFuture')));
      if (problem === 'closedYear')
        return Promise.reject(
          new Error(t('selfReportForm.dateClosedYear', { years: openYears.join('、') })),
        );
      return Promise.resolve();
    },
  };

  const fieldRule = (field: ActivityField): Rule => ({
    validator: (_, value: unknown) => {
      const problem = countProblemOf(field, value);
      return problem
        ? Promise.reject(new Error(t(`selfReportForm.${problem}`, { field: labelOf(field.name) })))
        : Promise.resolve();
    },
  });

  /** Whether the values hold a number the form would refuse (no preview then). */
  const hasCountProblem = (type: ActivityType | undefined, values: ActivityValues) =>
    type !== undefined &&
    activityFields[type].some((f) => countProblemOf(f, values[f.name]) !== null);

  /** What the evidence field says of documents a submission still lacks, else null. */
  const evidenceProblem = (
    asked: readonly EvidenceDocumentKind[] | undefined,
    files: readonly EvidenceRef[],
  ): string | null => {
    const missing = missingDocumentsOf(asked ?? [], files);
    return missing.length > 0 ? missingDocumentsText(missing) : null;
  };

  /** `请上传：派出文件、接收单位考核/鉴定意见`: the documents by name, never by code. */
  const missingDocumentsText = (missing: readonly string[]): string =>
    t('evidenceDocuments.missing', {
      kinds: missing.map((kind) => labelOfCode(t, 'evidenceDocumentKind', kind)).join('、'),
    });

  /**
   * Puts a failed save's field issues under their fields; returns false when something is
   * left to show above the form.
   */
  const applyServerIssues = (error: unknown, type: ActivityType | undefined): boolean => {
    if (!isApiError(error) || error.issues.length === 0) return false;
    const names = new Set<string>([
      'date',
      ...(type ? activityFields[type] : []).map((f) => f.name),
    ]);
    let unmatched = 0;
    const fields = error.issues.flatMap((issue) => {
      const name = issue.path.replace(/^activity\./, '').split('.')[0] ?? '';
      if (!names.has(name)) {
        unmatched += 1;
        return [];
      }
      const label =
        name === 'date' ? t('credits.field.date') : labelOf(name as ActivityField['name']);
      return [
        { name, errors: [issueMessage(issue.message, t('form.invalidField', { field: label }))] },
      ];
    });
    form.setFields(fields);
    return unmatched === 0;
  };

  return {
    dateRule,
    fieldRule,
    hasCountProblem,
    evidenceProblem,
    missingDocumentsText,
    applyServerIssues,
    labelOf,
  };
}
