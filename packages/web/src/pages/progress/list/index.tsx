import { Card, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { StaffProgress } from '@jijiao/contracts';
import { exportUnitProgress, fetchUnitProgress } from '../../../api';
import { DownloadButton } from '../../../components/DownloadButton';
import { FreshnessAlert } from '../../../components/FreshnessAlert';
import { ListFooter } from '../../../components/ListFooter';
import { PageError } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { ProgressFilterBar } from './components/ProgressFilterBar';
import { progressColumns } from './components/progress-columns';
import {
  isFiltered,
  parseProgressFilters,
  progressPath,
  progressQuery,
  type ProgressBackState,
  type ProgressFilters,
} from './progress-filters';
import { PageHeader } from '../../../components/PageHeader';

/**
 * 人员学分进度: everyone of an organisation's subtree (a unit up to the whole province) with
 * their credits, filtered and sorted by the server, a page at a time.
 */
export function UnitProgressPage() {
  const { t } = useT();
  const { grant } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const filters = parseProgressFilters(params);
  const unitId = filters.unitId ?? grant.orgId;
  const query = progressQuery(filters);
  const go = (next: Partial<ProgressFilters>) => {
    const merged = { ...filters, ...next };
    void navigate(
      progressPath({
        ...merged,
        unitId: merged.unitId === grant.orgId ? undefined : merged.unitId,
      }),
    );
  };
  const pages = useInfiniteQuery({
    queryKey: ['unit-progress', unitId, query],
    queryFn: ({ pageParam }) =>
      fetchUnitProgress(unitId, { ...query, after: pageParam, limit: 100 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const first = pages.data?.pages[0];
  const year = filters.year ?? first?.year;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const back: ProgressBackState = { back: `${location.pathname}${location.search}` };
  const columns = progressColumns(
    t,
    (s: StaffProgress) => `/progress/people/${s.personId}?year=${String(year ?? '')}`,
    back,
  );

  return (
    <Card>
      <PageHeader
        title={t('progress.title')}
        extra={
          <DownloadButton
            icon={<FileExcelOutlined />}
            data-testid="export-progress"
            fetchFile={() => exportUnitProgress(unitId, query)}
          >
            {t('progress.export')}
          </DownloadButton>
        }
      />
      <ProgressFilterBar
        filters={filters}
        unitId={unitId}
        year={year}
        withOrg={grant.orgKind !== 'unit'}
        onChange={go}
      />
      {first && (
        <Typography.Paragraph data-testid="progress-summary">
          {t(isFiltered(filters) ? 'progress.summaryFiltered' : 'progress.summary', {
            staff: first.staffCount ?? 0,
            behind: first.behindCount ?? 0,
            total: first.total ?? 0,
          })}
        </Typography.Paragraph>
      )}
      <FreshnessAlert freshness={first} />
      {pages.isError ? (
        <PageError error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <Table<StaffProgress>
          rowKey="personId"
          size="small"
          tableLayout="fixed"
          loading={pages.isFetching && !pages.isFetchingNextPage}
          pagination={false}
          dataSource={items}
          data-testid="progress-table"
          scroll={{ x: 960 }}
          columns={columns}
        />
      )}
      <ListFooter
        count={items.length}
        total={first?.total}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
    </Card>
  );
}
