import { Card } from 'antd';
import { useT } from '../../../i18n/use-t';
import { ProjectSearch } from '../components/ProjectSearch';
import { PageHeader } from '../../../components/PageHeader';

/** 项目查询 inside the app (the learner's menu); the same search is public at /public/projects. */
export function ProjectSearchPage() {
  const { t } = useT();
  return (
    <Card>
      <PageHeader title={t('publicProjects.title')} />
      <ProjectSearch basePath="/projects/search" />
    </Card>
  );
}
