import { Card, Flex, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { StaffProgress } from '@jijiao/contracts';
import { exportUnitProgress, fetchUnitProgress } from '../../../api';
import { DownloadButton } from '../../../components/DownloadButton';
import { ListFooter } from '../../../components/ListFooter';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { PageError } from '../../../components/PageState';
import { requirementLabel } from '../../../components/year/credit-tags';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';

/** The page's filter in the URL: unit, year, behind only. */
export function progressFilters(params: URLSearchParams, defaultUnit: string) {
  const year = Number(params.get('year'));
  return {
    unitId: params.get('unit') ?? defaultUnit,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
    behind: params.get('behind') === 'true',
  };
}

/** 人员学分进度: every staff member of a unit (and the units below) with who is behind first. */
export function UnitProgressPage() {
  const { t } = useT();
  const { grant } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = progressFilters(params, grant.orgId);
  const set = (next: Partial<typeof filters>) => {
    const merged = { ...filters, ...next };
    const search: Record<string, string> = {};
    if (merged.unitId !== grant.orgId) search['unit'] = merged.unitId;
    if (merged.year !== undefined) search['year'] = String(merged.year);
    if (merged.behind) search['behind'] = 'true';
    setParams(search);
  };
  const pages = useInfiniteQuery({
    queryKey: ['unit-progress', filters],
    queryFn: ({ pageParam }) =>
      fetchUnitProgress(filters.unitId, {
        year: filters.year,
        behind: filters.behind,
        after: pageParam,
        limit: 100,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = pages.data?.pages[0];
  const year = filters.year ?? first?.year;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={t('progress.title')}
      extra={
        <DownloadButton
          icon={<FileExcelOutlined />}
          data-testid="export-progress"
          fetchFile={() => exportUnitProgress(filters.unitId, filters)}
        >
          {t('progress.export')}
        </DownloadButton>
      }
    >
      <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
        {grant.orgKind !== 'unit' && (
          <OrgTreeSelect
            aria-label={t('progress.unit')}
            value={filters.unitId}
            allowClear={false}
            style={{ width: 280 }}
            onChange={(id) => {
              if (id) set({ unitId: id });
            }}
          />
        )}
        <Space>
          <Typography.Text>{t('progress.year')}</Typography.Text>
          <InputNumber
            aria-label={t('progress.year')}
            min={1990}
            max={2100}
            value={year}
            onChange={(v) => {
              set({ year: typeof v === 'number' ? v : undefined });
            }}
          />
        </Space>
        <Space>
          <Switch
            checked={filters.behind}
            data-testid="behind-only"
            onChange={(on) => {
              set({ behind: on });
            }}
          />
          <Typography.Text>{t('progress.behindOnly')}</Typography.Text>
        </Space>
        {first && (
          <Typography.Text type="secondary" data-testid="progress-summary">
            {t('progress.summary', { staff: first.staffCount, behind: first.behindCount })}
          </Typography.Text>
        )}
      </Flex>
      {pages.isError ? (
        <PageError error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <Table<StaffProgress>
          rowKey="personId"
          size="small"
          loading={pages.isLoading}
          pagination={false}
          dataSource={items}
          data-testid="progress-table"
          columns={[
            {
              title: t('progress.name'),
              key: 'name',
              render: (_, s) => (
                <Link to={`/progress/people/${s.personId}?year=${String(year ?? '')}`}>
                  {s.name}
                </Link>
              ),
            },
            { title: t('progress.idNumber'), dataIndex: 'idNumberMasked' },
            { title: t('progress.unitName'), dataIndex: 'unitName' },
            {
              title: t('progress.total'),
              key: 'total',
              render: (_, s) => `${String(s.totalCredits)} / ${String(s.required)}`,
            },
            {
              title: t('progress.shortfall'),
              dataIndex: 'shortfall',
              render: (v: number) =>
                v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v,
            },
            {
              title: t('progress.unmet'),
              key: 'unmet',
              render: (_, s) => (
                <Space size={4} wrap>
                  {s.requirements
                    .filter((r) => !r.met)
                    .map((r) => (
                      <Tag key={r.code} color="orange">
                        {requirementLabel(t, r.code)} −{r.shortfall}
                      </Tag>
                    ))}
                </Space>
              ),
            },
            { title: t('progress.pending'), dataIndex: 'pendingCount' },
            {
              title: t('progress.compliant'),
              key: 'compliant',
              render: (_, s) => (
                <Tag color={s.compliant ? 'success' : 'warning'}>
                  {s.compliant ? t('year.compliant') : t('year.notCompliant')}
                </Tag>
              ),
            },
          ]}
        />
      )}
      <ListFooter
        countText={t('common.loadedCount', { count: items.length })}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
    </Card>
  );
}
