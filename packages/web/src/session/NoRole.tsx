import { Button, Result } from 'antd';
import { useT } from '../i18n/use-t';
import { useSignOut } from './use-sign-out';

/** Signed in, but the account holds no role: nothing to open but signing out. */
export function NoRole() {
  const { t } = useT();
  const signOut = useSignOut();
  return (
    <Result
      status="403"
      title={t('layout.noRoleTitle')}
      subTitle={t('layout.noRoleDetail')}
      extra={
        <Button onClick={signOut.run} loading={signOut.isPending}>
          {t('common.signOut')}
        </Button>
      }
    />
  );
}
