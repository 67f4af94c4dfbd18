import { Card, Descriptions, Tag, Typography } from 'antd';
import type { Role } from '@jijiao/contracts';
import { homeLabel } from '../home-title';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';

/** A role's home until its real content ships: who you are here, and what will be here. */
export function WelcomeCard({ role }: { role: Role }) {
  const { t } = useT();
  const { me, grant } = useSession();
  return (
    <Card>
      <Typography.Title level={2} data-testid="home-title" style={{ marginTop: 0 }}>
        {t(homeLabel(role))}
      </Typography.Title>
      <Typography.Paragraph>
        {t('home.welcome', { name: me.user.displayName })}
      </Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'role', label: t('layout.activeRole'), children: t(`role.${role}`) },
          {
            key: 'org',
            label: t('home.organisation'),
            children: (
              <>
                {grant.orgName} <Tag>{t(`orgKind.${grant.orgKind}`)}</Tag>
              </>
            ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t(`home.purpose.${role}`)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('home.underConstruction')}</Typography.Paragraph>
    </Card>
  );
}
