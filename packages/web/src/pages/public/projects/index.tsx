import { Button, Card, Typography } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../../i18n/use-t';
import { ProjectSearch } from '../../projects/components/ProjectSearch';
import { PublicFrame } from '../components/PublicFrame';

/** /public/projects: the filed-project search without signing in. */
export function PublicProjectSearchPage() {
  const { t } = useT();
  return (
    <PublicFrame
      actions={
        <Link to="/login">
          <Button icon={<LoginOutlined />}>{t('publicProjects.signIn')}</Button>
        </Link>
      }
    >
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }} data-testid="page-title">
          {t('publicProjects.title')}
        </Typography.Title>
        <ProjectSearch basePath="/public/projects" />
      </Card>
    </PublicFrame>
  );
}
