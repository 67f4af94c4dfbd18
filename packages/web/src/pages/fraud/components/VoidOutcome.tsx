import { Alert, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { VoidYearResult } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';

/** After a void: what was done, with the way to the register and the HR delivery log. */
export function VoidOutcome({ result, onClose }: { result: VoidYearResult; onClose: () => void }) {
  const { t } = useT();
  const serial = result.certificateSerial;
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="void-outcome"
      title={t('fraud.resultTitle', { count: result.voidedClaims })}
      description={
        <Space orientation="vertical" size={4}>
          <Typography.Text>{t('fraud.resultStanding', { year: result.year })}</Typography.Text>
          <Typography.Text>
            {serial ? t('fraud.resultCertificate', { serial }) : t('fraud.resultNoCertificate')}{' '}
            {serial && (
              <Link
                to={`/certificates?q=${encodeURIComponent(serial)}`}
                data-testid="outcome-register"
              >
                {t('fraud.viewInRegister')}
              </Link>
            )}
          </Typography.Text>
          <Typography.Text>
            {t('fraud.resultHr')}{' '}
            <Link to="/hr-deliveries" data-testid="outcome-deliveries">
              {t('fraud.viewDelivery')}
            </Link>
          </Typography.Text>
        </Space>
      }
    />
  );
}
