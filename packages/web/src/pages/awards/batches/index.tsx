import { Card, Flex, Segmented } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { awardBatchStatuses } from '@jijiao/contracts';
import { listAwardBatches } from '../../../api';
import { PageError } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { enumParam } from '../../../utils/url-state';
import { AwardBatchTable } from '../components/AwardBatchTable';
import { PageHeader } from '../../../components/PageHeader';

const all = 'all';

/** 授予批次 (host): every batch of the host's projects, by status (`?status=`). */
export function AwardBatchListPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const status = enumParam(awardBatchStatuses, params.get('status'));
  const batches = useQuery({
    queryKey: ['award-batches', { status }],
    queryFn: () => listAwardBatches({ status }),
  });
  if (batches.isError)
    return <PageError error={batches.error} onRetry={() => void batches.refetch()} />;
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <PageHeader title={t('awards.batchesTitle')} />
        <Segmented
          value={status ?? all}
          data-testid="batch-status-filter"
          options={[
            { value: all, label: t('awards.allStatuses') },
            ...awardBatchStatuses.map((s) => ({ value: s, label: t(`awards.status.${s}`) })),
          ]}
          onChange={(value) => {
            setParams(value === all ? {} : { status: value });
          }}
        />
      </Flex>
      <AwardBatchTable batches={batches.data?.items ?? []} loading={batches.isPending} />
    </Card>
  );
}
