import { Button, Popconfirm, Space, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Project, ProjectLevel } from '@jijiao/contracts';
import type { Translate } from '../../../../i18n/use-t';
import { formatDateRange } from '../../../../utils/format';
import { ProjectStatusTag } from '../../components/ProjectStatusTag';
import { projectActions } from '../../project-filters';

/** The projects table's columns; each row's actions follow its status, the date and `can`. */
export function projectColumns({
  t,
  can,
  today,
  onDetail,
  onEdit,
  onFile,
  onFinish,
  onCancel,
}: {
  t: Translate;
  can: { manage: boolean; file: boolean; award: boolean };
  today: string;
  onDetail: (project: Project) => void;
  onEdit: (project: Project) => void;
  onFile: (project: Project) => void;
  onFinish: (project: Project) => void;
  onCancel: (project: Project) => void;
}): TableColumnsType<Project> {
  return [
    {
      title: t('projects.number'),
      dataIndex: 'number',
      fixed: 'left',
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{value}</span>,
    },
    {
      title: t('projects.name'),
      dataIndex: 'name',
      render: (value: string, project) => (
        <Typography.Link
          onClick={() => {
            onDetail(project);
          }}
        >
          {value}
        </Typography.Link>
      ),
    },
    {
      title: t('projects.level'),
      dataIndex: 'level',
      render: (value: ProjectLevel) => t(`projectLevel.${value}`),
    },
    { title: t('projects.host'), dataIndex: 'hostName' },
    {
      title: t('projects.dates'),
      key: 'dates',
      render: (_v: unknown, p) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateRange(p.startDate, p.endDate)}</span>
      ),
    },
    { title: t('projects.hours'), dataIndex: 'hours' },
    { title: t('projects.attendeeCredits'), dataIndex: 'attendeeCredits' },
    {
      title: t('projects.status'),
      dataIndex: 'status',
      render: (_v: unknown, p) => <ProjectStatusTag status={p.status} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v: unknown, project) => {
        const allowed = projectActions(project, can, today);
        return (
          <Space size={0} wrap>
            {allowed.edit && (
              <Button
                type="link"
                size="small"
                onClick={() => {
                  onEdit(project);
                }}
              >
                {t('common.edit')}
              </Button>
            )}
            {allowed.file && (
              <Popconfirm
                title={t('projects.fileTitle', { number: project.number })}
                description={t('projects.fileHint')}
                okText={t('projects.file')}
                cancelText={t('common.cancel')}
                onConfirm={() => {
                  onFile(project);
                }}
              >
                <Button type="link" size="small">
                  {t('projects.file')}
                </Button>
              </Popconfirm>
            )}
            {can.manage && (project.status === 'filed' || project.status === 'finished') && (
              <Link to={`/projects/${project.id}/checkin`}>
                <Button type="link" size="small">
                  {t('checkin.link')}
                </Button>
              </Link>
            )}
            {allowed.finish && (
              <Button
                type="link"
                size="small"
                onClick={() => {
                  onFinish(project);
                }}
              >
                {t('projects.finish')}
              </Button>
            )}
            {can.award && (project.status === 'filed' || project.status === 'finished') && (
              <Link to={`/projects/${project.id}/awards`}>
                <Button type="link" size="small" data-testid="project-awards">
                  {t('awards.projectAwards')}
                </Button>
              </Link>
            )}
            {allowed.cancel && (
              <Button
                type="link"
                size="small"
                danger
                onClick={() => {
                  onCancel(project);
                }}
              >
                {t('projects.cancel')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];
}
