import { Alert } from 'antd';
import { useAppInfo } from '../session/queries';
import { useT } from '../i18n/use-t';

/** Shown on every screen of a demo installation. */
export function DemoBanner() {
  const { t } = useT();
  const appInfo = useAppInfo();
  if (appInfo.data?.demo !== true) return null;
  return (
    <Alert type="warning" showIcon banner title={t('demo.banner')} data-testid="demo-banner" />
  );
}
