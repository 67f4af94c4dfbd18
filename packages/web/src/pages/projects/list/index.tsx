import { useState } from 'react';
import { Button, Card, Flex, Table } from 'antd';
import { FileExcelOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Project } from '@jijiao/contracts';
import { exportProjects, fileProject, listProjects } from '../../../api';
import { DownloadButton } from '../../../components/DownloadButton';
import { ListFooter } from '../../../components/ListFooter';
import { PageError } from '../../../components/PageState';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { projectsLabel } from '../../../nav-labels';
import { localToday } from '../../../utils/format';
import { ProjectFilterBar } from '../components/ProjectFilterBar';
import {
  parseProjectFilters,
  projectQuery,
  projectsPath,
  type ProjectFilters,
} from '../project-filters';
import { ProjectActionModal, type ProjectAction } from './components/ProjectActionModal';
import { ProjectDetail } from './components/ProjectDetail';
import { ProjectDrawer, type ProjectDrawerState } from './components/ProjectDrawer';
import { projectColumns } from './components/project-columns';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';

const pageSize = 50;

function useProjectPages(filters: ProjectFilters) {
  const query = projectQuery(filters);
  return useInfiniteQuery({
    queryKey: ['projects', 'list', query],
    queryFn: ({ pageParam }) => listProjects({ ...query, limit: pageSize, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * 我的项目 (host: create, edit drafts, finish, cancel), 项目备案 (province: file, cancel),
 * 项目管理 (reviewers: read only). One page; the actions follow the permissions.
 */
export function ProjectListPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const { access, grant } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const filters = parseProjectFilters(searchParams);
  const pages = useProjectPages(filters);
  const can = {
    manage: access.permissions.has('project:manage'),
    file: access.permissions.has('project:file'),
    award: access.permissions.has('award:manage'),
  };
  const today = localToday();
  const [drawer, setDrawer] = useState<ProjectDrawerState>({ mode: 'closed' });
  const [action, setAction] = useState<ProjectAction>(null);
  const [detail, setDetail] = useState<Project | null>(null);

  const file = useMutation({
    mutationFn: (project: Project) => fileProject(project.id),
    onSuccess: () => {
      message.success(t('projects.filed'));
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });

  const title = t(projectsLabel(access.role));

  const columns = projectColumns({
    t,
    can,
    today,
    onDetail: setDetail,
    onEdit: (project) => {
      setDrawer({ mode: 'edit', project });
    },
    onFile: (project) => {
      file.mutate(project);
    },
    onFinish: (project) => {
      setAction({ kind: 'finish', project });
    },
    onCancel: (project) => {
      setAction({ kind: 'cancel', project });
    },
  });

  if (pages.isError) return <PageError error={pages.error} onRetry={() => void pages.refetch()} />;
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <PageHeader title={title} />
        <Flex gap={8} wrap>
          <DownloadButton
            icon={<FileExcelOutlined />}
            fetchFile={() => exportProjects(projectQuery(filters))}
            data-testid="projects-export"
          >
            {t('common.exportExcel')}
          </DownloadButton>
          {can.manage && (
            <Link to="/projects/import">
              <Button icon={<ImportOutlined />}>{t('projects.import')}</Button>
            </Link>
          )}
          {can.manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setDrawer({ mode: 'create' });
              }}
            >
              {t('projects.create')}
            </Button>
          )}
        </Flex>
      </Flex>
      <div style={{ marginBottom: 16 }}>
        <ProjectFilterBar
          filters={filters}
          withStatus
          onApply={(next) => {
            void navigate(projectsPath('/projects', next));
          }}
        />
      </div>
      <Table<Project>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={pages.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('projects.empty') }}
        data-testid="project-table"
      />
      <ListFooter
        count={rows.length}
        total={pages.data?.pages[0]?.total}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
      <ProjectDrawer
        state={drawer}
        hostId={grant.orgId}
        onClose={() => {
          setDrawer({ mode: 'closed' });
        }}
      />
      <ProjectActionModal
        action={action}
        onClose={() => {
          setAction(null);
        }}
      />
      <ProjectDetail
        project={detail}
        onClose={() => {
          setDetail(null);
        }}
      />
    </Card>
  );
}
