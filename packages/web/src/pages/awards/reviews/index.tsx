import { Card, Flex, Segmented } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { awardBatchStatuses, type AwardBatchStatus } from '@jijiao/contracts';
import { listAwardBatches } from '../../../api';
import { PageError } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { AwardBatchTable } from '../components/AwardBatchTable';
import { PageHeader } from '../../../components/PageHeader';

const reviewStatuses = awardBatchStatuses.filter((s) => s !== 'draft');

function statusOf(params: URLSearchParams): AwardBatchStatus {
  const value = params.get('status');
  return reviewStatuses.find((s) => s === value) ?? 'submitted';
}

/** 授予审核: the province's list of submitted (or returned, approved) award batches. */
export function AwardReviewListPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const status = statusOf(params);
  const batches = useQuery({
    queryKey: ['award-batches', { status }],
    queryFn: () => listAwardBatches({ status }),
  });
  if (batches.isError)
    return <PageError error={batches.error} onRetry={() => void batches.refetch()} />;
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <PageHeader title={t('awards.reviewTitle')} />
        <Segmented
          value={status}
          options={reviewStatuses.map((s) => ({ value: s, label: t(`awards.status.${s}`) }))}
          onChange={(value) => {
            setParams({ status: value });
          }}
        />
      </Flex>
      <AwardBatchTable batches={batches.data?.items ?? []} loading={batches.isPending} />
    </Card>
  );
}
