import { Alert, Card, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ActivityInput } from '@jijiao/contracts';
import { isApiError, previewCredit } from '../../../../api';
import { ReasonList } from '../../../../components/year/credit-tags';
import { issueMessage } from '../../../../forms/server-issues';
import { errorText } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';
import { activityFields } from '../../activity-fields';
import { packsText } from '../../../../i18n/pack-label';

/** The credits the activity would earn, as the server's rules engine computes them. */
export function PreviewCard({ activity }: { activity: ActivityInput | null }) {
  const { t } = useT();
  // `activity.hostProvince` → 举办地（省份）: the field's label, never its path.
  const fieldLabel = (path: string) => {
    const name = path.replace(/^activity\./, '').split('.')[0] ?? '';
    const known = activity ? activityFields[activity.type] : [];
    const field = known.find((f) => f.name === name);
    if (name === 'date') return t('credits.field.date');
    if (!field) return t('selfReportForm.activity');
    return t(
      field.name === 'hostProvince' ? 'selfReportForm.hostProvince' : `credits.field.${field.name}`,
    );
  };
  const preview = useQuery({
    queryKey: ['credit-preview', activity],
    queryFn: () => previewCredit(activity as ActivityInput),
    enabled: activity !== null,
    retry: false,
  });
  return (
    <Card title={t('selfReport.previewTitle')} data-testid="credit-preview">
      {activity === null ? (
        <Typography.Text type="secondary">{t('selfReport.previewNone')}</Typography.Text>
      ) : preview.isError ? (
        <Alert
          type="warning"
          showIcon
          title={
            isApiError(preview.error) && preview.error.issues[0]
              ? issueMessage(
                  preview.error.issues[0].message,
                  t('form.invalidField', { field: fieldLabel(preview.error.issues[0].path) }),
                )
              : errorText(t, preview.error)
          }
        />
      ) : preview.data ? (
        <Space orientation="vertical">
          <Statistic
            value={preview.data.credits}
            suffix={t('credits.columns.credits')}
            data-testid="preview-credits"
          />
          <Typography.Text>
            {t('selfReport.previewYear', { year: preview.data.year })}
          </Typography.Text>
          {preview.data.class && (
            <Typography.Text>
              {t('credits.classTag', { class: preview.data.class })}
            </Typography.Text>
          )}
          {preview.data.reasons.length > 0 && <ReasonList reasons={preview.data.reasons} />}
          <Typography.Text type="secondary">
            {t('selfReport.previewPacks', {
              packs: packsText(t, preview.data.packs),
            })}
          </Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      )}
    </Card>
  );
}
