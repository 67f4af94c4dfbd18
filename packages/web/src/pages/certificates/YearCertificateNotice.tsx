import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/use-t';
import { useMyCertificates } from './use-my-certificates';

/**
 * On the learner's home: a year closed by the audit with a certificate says so and leads to
 * 我的证书; the current year, still open, points to last year's. Nothing for a year
 * without one (still open, or not passed).
 */
export function YearCertificateNotice({
  year,
  currentYear,
}: {
  year: number;
  currentYear: number;
}) {
  const { t } = useT();
  const certificates = useMyCertificates();
  const ofYear = (y: number) => certificates.data?.items.find((c) => c.year === y);
  const certificate = ofYear(year) ?? (year === currentYear ? ofYear(year - 1) : undefined);
  if (!certificate) return null;
  return (
    <Alert
      type={certificate.revoked ? 'warning' : 'success'}
      showIcon
      data-testid="year-certificate"
      title={t(certificate.revoked ? 'myCertificates.homeRevoked' : 'myCertificates.homeIssued', {
        year: certificate.year,
      })}
      action={
        <Link to="/me/certificates" data-testid="year-certificate-link">
          <Button size="small" type={certificate.revoked ? 'default' : 'primary'}>
            {t('myCertificates.homeLink')}
          </Button>
        </Link>
      }
    />
  );
}
