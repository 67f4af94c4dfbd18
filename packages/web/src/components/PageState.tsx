import { CloseCircleFilled } from '@ant-design/icons';
import { Button, Flex, Spin, theme } from 'antd';
import { useT } from '../i18n/use-t';
import { errorText } from '../i18n/error-message';

export function PageLoading() {
  const { t } = useT();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin description={t('common.loading')} />
    </Flex>
  );
}

/**
 * A page that could not load, laid out like antd's `Result` (status "error") without it:
 * this is in the start-up bundle of every page, and `Result` carries the 403/404/500
 * illustrations, ~33 kB of SVG (ADR 0022).
 */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT();
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      align="center"
      gap={token.marginSM}
      style={{ padding: `${token.paddingXL * 1.5}px ${token.paddingLG}px`, textAlign: 'center' }}
      role="alert"
    >
      <CloseCircleFilled style={{ fontSize: 72, color: token.colorError }} aria-hidden />
      <div style={{ fontSize: token.fontSizeHeading3, color: token.colorTextHeading }}>
        {t('exception.loadFailed')}
      </div>
      <div style={{ color: token.colorTextSecondary }}>{errorText(t, error)}</div>
      {onRetry ? (
        <Button type="primary" onClick={onRetry} style={{ marginTop: token.marginSM }}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Flex>
  );
}
