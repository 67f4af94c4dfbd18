import { Card, Empty, Flex, Typography } from 'antd';
import { PageError, PageLoading } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { useMyCertificates } from '../use-my-certificates';
import { CertificateCard } from './components/CertificateCard';
import { PageHeader } from '../../../components/PageHeader';

/** 我的证书: every year's certificate, newest first, each with its files and verify link. */
export function MyCertificatesPage() {
  const { t } = useT();
  const certificates = useMyCertificates();
  return (
    <Flex vertical gap={16}>
      <Card>
        <PageHeader title={t('myCertificates.title')} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('myCertificates.intro')}
        </Typography.Paragraph>
      </Card>
      {certificates.isPending ? (
        <PageLoading />
      ) : certificates.isError ? (
        <PageError error={certificates.error} onRetry={() => void certificates.refetch()} />
      ) : certificates.data.items.length === 0 ? (
        <Card>
          <Empty description={t('myCertificates.empty')} />
        </Card>
      ) : (
        certificates.data.items.map((c) => <CertificateCard key={c.serial} certificate={c} />)
      )}
    </Flex>
  );
}
