import { Button, Flex, Result, Spin } from 'antd';
import { useT } from '../i18n/use-t';
import { errorMessageKey } from '../i18n/error-message';

export function PageLoading() {
  const { t } = useT();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin description={t('common.loading')} />
    </Flex>
  );
}

export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT();
  return (
    <Result
      status="error"
      title={t('exception.loadFailed')}
      subTitle={t(errorMessageKey(error))}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
