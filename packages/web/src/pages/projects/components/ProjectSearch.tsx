import { Table, Typography, type TableColumnsType } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProjectLevel } from '@jijiao/contracts';
import { searchPublicProjects } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { PageError } from '../../../components/PageState';
import { useIsPhone } from '../../../components/use-is-phone';
import { useT } from '../../../i18n/use-t';
import { formatDateRange } from '../../../utils/format';
import { parseProjectFilters, projectsPath } from '../project-filters';
import { ProjectCards } from './ProjectCards';
import { ProjectFilterBar } from './ProjectFilterBar';
import { ProjectStatusTag } from './ProjectStatusTag';

type PublicProject = Awaited<ReturnType<typeof searchPublicProjects>>['items'][number];

const pageSize = 50;

/** 项目查询: filed (and finished) projects, for anyone; the filter lives in the URL. */
export function ProjectSearch({ basePath }: { basePath: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { status: _status, ...filters } = parseProjectFilters(searchParams);
  const pages = useInfiniteQuery({
    queryKey: ['public-projects', filters],
    queryFn: ({ pageParam }) =>
      searchPublicProjects({ ...filters, limit: pageSize, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const columns: TableColumnsType<PublicProject> = [
    {
      title: t('projects.number'),
      dataIndex: 'number',
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{value}</span>,
    },
    { title: t('projects.name'), dataIndex: 'name' },
    {
      title: t('projects.level'),
      dataIndex: 'level',
      render: (value: ProjectLevel) => t(`projectLevel.${value}`),
    },
    { title: t('projects.year'), dataIndex: 'year' },
    { title: t('projects.host'), dataIndex: 'hostName' },
    {
      title: t('projects.dates'),
      key: 'dates',
      render: (_v: unknown, p) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateRange(p.startDate, p.endDate)}</span>
      ),
    },
    { title: t('projects.place'), dataIndex: 'place' },
    { title: t('projects.attendeeCredits'), dataIndex: 'attendeeCredits' },
    {
      title: t('projects.status'),
      dataIndex: 'status',
      render: (_v: unknown, p) => <ProjectStatusTag status={p.status} />,
    },
  ];

  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const isPhone = useIsPhone();

  return (
    <>
      <Typography.Paragraph type="secondary">{t('publicProjects.subtitle')}</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <ProjectFilterBar
          filters={filters}
          withStatus={false}
          onApply={(next) => {
            void navigate(projectsPath(basePath, next));
          }}
        />
      </div>
      {pages.isError ? (
        <PageError error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <>
          {isPhone ? (
            <ProjectCards rows={rows} loading={pages.isPending} />
          ) : (
            <Table<PublicProject>
              rowKey="number"
              columns={columns}
              dataSource={rows}
              loading={pages.isPending}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('publicProjects.empty') }}
              data-testid="public-project-table"
            />
          )}
          <ListFooter
            count={rows.length}
            hasMore={pages.hasNextPage}
            loading={pages.isFetchingNextPage}
            onMore={() => void pages.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
