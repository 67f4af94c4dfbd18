import { Tag } from 'antd';
import type { ProjectStatus } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';

const colors: Record<ProjectStatus, string> = {
  draft: 'default',
  filed: 'blue',
  finished: 'green',
  cancelled: 'red',
};

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useT();
  return <Tag color={colors[status]}>{t(`projectStatus.${status}`)}</Tag>;
}
