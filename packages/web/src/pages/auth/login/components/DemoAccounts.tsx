import { Button, Flex } from 'antd';
import { Panel } from '../../../../components/Panel';
import { useT } from '../../../../i18n/use-t';
import { Paragraph } from '../../../../components/Type';

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
      <Paragraph type="secondary">{t('demo.accountsHint')}</Paragraph>
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
      <Paragraph style={{ marginTop: 12, marginBottom: 0 }}>{t('demo.passwordNote')}</Paragraph>
    </Panel>
  );
}
