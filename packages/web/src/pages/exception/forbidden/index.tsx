import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/use-t';

export function ForbiddenPage() {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('exception.forbiddenTitle')}
      subTitle={t('exception.forbiddenDetail')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
