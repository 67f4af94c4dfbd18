import { Alert, Button, Flex } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { unsubscribeEmail } from '../../../api/notifications';
import { Panel } from '../../../components/Panel';
import { Paragraph, Title } from '../../../components/Type';
import { useT } from '../../../i18n/use-t';
import { PublicFrame } from '../components/PublicFrame';

/**
 * `/unsubscribe?token=…`: what an email's unsubscribe link opens, without signing in. It
 * asks for one click (a link checker that fetches the page unsubscribes nobody) and says
 * what was done.
 */
export function UnsubscribePage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useMutation({ mutationFn: unsubscribeEmail });
  return (
    <PublicFrame maxWidth={560}>
      <title>{`${t('unsubscribe.title')} · ${t('app.name')}`}</title>
      <Flex vertical gap={16}>
        <Panel>
          <Title level={1} style={{ marginTop: 0, fontSize: 22 }} data-testid="page-title">
            {t('unsubscribe.title')}
          </Title>
          {token === '' ? (
            <Alert type="warning" showIcon title={t('unsubscribe.missing')} />
          ) : unsubscribe.isSuccess ? (
            <Alert
              type="success"
              showIcon
              data-testid="unsubscribe-done"
              title={t('unsubscribe.done', { address: unsubscribe.data.address })}
            />
          ) : (
            <>
              <Paragraph>{t('unsubscribe.intro')}</Paragraph>
              {unsubscribe.isError ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('unsubscribe.invalid')}
                  style={{ marginBottom: 16 }}
                />
              ) : null}
              <Button
                type="primary"
                danger
                loading={unsubscribe.isPending}
                data-testid="unsubscribe-confirm"
                onClick={() => {
                  unsubscribe.mutate(token);
                }}
              >
                {t('unsubscribe.confirm')}
              </Button>
            </>
          )}
        </Panel>
        <Flex justify="center">
          <Link to="/login">{t('verify.signIn')}</Link>
        </Flex>
      </Flex>
    </PublicFrame>
  );
}
