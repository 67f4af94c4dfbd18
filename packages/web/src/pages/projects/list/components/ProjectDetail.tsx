import { Descriptions, Drawer } from 'antd';
import type { Project } from '@jijiao/contracts';
import { useT } from '../../../../i18n/use-t';
import { formatDateRange, formatDateTime } from '../../../../utils/format';
import { ProjectStatusTag } from '../../components/ProjectStatusTag';

/** Everything recorded about one project. */
export function ProjectDetail({
  project,
  onClose,
}: {
  project: Project | null;
  onClose: () => void;
}) {
  const { t } = useT();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  return (
    <Drawer open={project !== null} title={project?.name} onClose={onClose} size={560}>
      {project && (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'number', label: t('projects.number'), children: project.number },
            { key: 'name', label: t('projects.name'), children: project.name },
            {
              key: 'level',
              label: t('projects.level'),
              children: t(`projectLevel.${project.level}`),
            },
            { key: 'year', label: t('projects.year'), children: project.year },
            { key: 'host', label: t('projects.host'), children: project.hostName },
            { key: 'discipline', label: t('projects.discipline'), children: project.discipline },
            {
              key: 'dates',
              label: t('projects.dates'),
              children: formatDateRange(project.startDate, project.endDate),
            },
            { key: 'place', label: t('projects.place'), children: project.place },
            { key: 'hours', label: t('projects.hours'), children: project.hours },
            {
              key: 'attendeeCredits',
              label: t('projects.attendeeCredits'),
              children: project.attendeeCredits,
            },
            {
              key: 'speakerCredits',
              label: t('projects.speakerCredits'),
              children: project.speakerCredits,
            },
            { key: 'tcm', label: t('projects.tcm'), children: yesNo(project.tcm) },
            { key: 'remote', label: t('projects.remote'), children: yesNo(project.remote) },
            {
              key: 'status',
              label: t('projects.status'),
              children: <ProjectStatusTag status={project.status} />,
            },
            {
              key: 'filedAt',
              label: t('projects.filedAt'),
              children: formatDateTime(project.filedAt),
            },
            {
              key: 'finishedAt',
              label: t('projects.finishedAt'),
              children: formatDateTime(project.finishedAt),
            },
            {
              key: 'attendeeCount',
              label: t('projects.attendeeCount'),
              children: project.attendeeCount ?? '—',
            },
            ...(project.cancelReason
              ? [
                  {
                    key: 'cancelReason',
                    label: t('projects.cancelReason'),
                    children: project.cancelReason,
                  },
                ]
              : []),
          ]}
        />
      )}
    </Drawer>
  );
}
