import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/use-t';

export function NotFoundPage() {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('exception.notFoundTitle')}
      subTitle={t('exception.notFoundDetail')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
