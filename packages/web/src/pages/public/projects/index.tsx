import { Button, Card, Flex, Typography } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { DemoBanner } from '../../../components/DemoBanner';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useT } from '../../../i18n/use-t';
import { ProjectSearch } from '../../projects/components/ProjectSearch';

/** /public/projects: the filed-project search without signing in. */
export function PublicProjectSearchPage() {
  const { t } = useT();
  return (
    <Flex vertical style={{ minHeight: '100vh' }}>
      <DemoBanner />
      <Flex justify="space-between" align="center" gap={16} style={{ padding: 16 }}>
        <Link to="/" style={{ fontSize: 18, fontWeight: 600 }}>
          {t('app.name')}
        </Link>
        <Flex gap={12} align="center">
          <LanguageSwitch />
          <Link to="/login">
            <Button icon={<LoginOutlined />}>{t('publicProjects.signIn')}</Button>
          </Link>
        </Flex>
      </Flex>
      <div style={{ padding: '0 16px 24px' }}>
        <Card>
          <Typography.Title
            level={1}
            style={{ marginTop: 0, fontSize: 24 }}
            data-testid="page-title"
          >
            {t('publicProjects.title')}
          </Typography.Title>
          <ProjectSearch basePath="/public/projects" />
        </Card>
      </div>
    </Flex>
  );
}
