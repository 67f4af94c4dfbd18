import { Button, Flex, Typography } from 'antd';
import { Panel } from '../../../../components/Panel';
import { useT } from '../../../../i18n/use-t';

/** The accounts `jijiao seed-demo` creates, one per role. */
const demoAccounts = [
  'demo-learner',
  'demo-unit-admin',
  'demo-reviewer',
  'demo-host-admin',
  'demo-province-admin',
  'demo-system-admin',
] as const;

export function DemoAccounts({ onPick }: { onPick: (username: string) => void }) {
  const { t } = useT();
  return (
    <Panel
      small
      title={t('demo.accountsTitle')}
      style={{ width: '100%', maxWidth: 400 }}
      data-testid="demo-accounts"
    >
      <Typography.Paragraph type="secondary">{t('demo.accountsHint')}</Typography.Paragraph>
      <Flex wrap gap={4}>
        {demoAccounts.map((username) => (
          <Button
            key={username}
            size="small"
            onClick={() => {
              onPick(username);
            }}
          >
            <code>{username}</code>
          </Button>
        ))}
      </Flex>
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        {t('demo.passwordNote')}
      </Typography.Paragraph>
    </Panel>
  );
}
