import { Alert, Card, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ActivityInput } from '@jijiao/contracts';
import { isApiError, previewCredit } from '../../../../api';
import { ReasonList } from '../../../../components/year/credit-tags';
import { errorMessageKey } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';
import { packsText } from '../../../../i18n/pack-label';

/** The credits the activity would earn, as the server's rules engine computes them. */
export function PreviewCard({ activity }: { activity: ActivityInput | null }) {
  const { t } = useT();
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
              ? `${preview.error.issues[0].path}: ${preview.error.issues[0].message}`
              : t(errorMessageKey(preview.error))
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
