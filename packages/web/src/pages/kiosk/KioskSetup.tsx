import { useState } from 'react';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import { useT } from '../../i18n/use-t';

/** The first screen: the host's staff enter the device token shown when the kiosk was registered. */
export function KioskSetup({
  problem,
  busy,
  onStart,
}: {
  problem: string | null;
  busy: boolean;
  onStart: (token: string) => void;
}) {
  const { t } = useT();
  const [token, setToken] = useState('');
  return (
    <Flex vertical align="center" justify="center" gap={24} style={{ minHeight: '100vh' }}>
      <Typography.Title level={1} style={{ fontSize: 48, margin: 0 }}>
        {t('kiosk.setupTitle')}
      </Typography.Title>
      <Typography.Text style={{ fontSize: 20 }}>{t('kiosk.setupHint')}</Typography.Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim() !== '') onStart(token.trim());
        }}
      >
        <Flex gap={12}>
          <Input.Password
            size="large"
            autoFocus
            aria-label={t('kiosk.deviceToken')}
            placeholder={t('kiosk.deviceToken')}
            value={token}
            onChange={(event) => {
              setToken(event.target.value);
            }}
            style={{ width: 420 }}
          />
          <Button type="primary" size="large" htmlType="submit" loading={busy}>
            {t('kiosk.start')}
          </Button>
        </Flex>
      </form>
      {problem !== null && <Alert type="error" showIcon title={problem} />}
    </Flex>
  );
}
