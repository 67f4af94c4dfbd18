import { Card, Typography } from 'antd';
import { useT } from '../../../i18n/use-t';
import { ProjectSearch } from '../components/ProjectSearch';

/** 项目查询 inside the app (the learner's menu); the same search is public at /public/projects. */
export function ProjectSearchPage() {
  const { t } = useT();
  return (
    <Card>
      <Typography.Title level={2} style={{ marginTop: 0 }} data-testid="page-title">
        {t('publicProjects.title')}
      </Typography.Title>
      <ProjectSearch basePath="/projects/search" />
    </Card>
  );
}
