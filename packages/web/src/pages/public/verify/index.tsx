import type { ReactNode } from 'react';
import { Flex } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { verifyCertificate } from '../../../api/certificates';
import { PageError, PageLoading } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { Panel } from '../../../components/Panel';
import { PublicFrame } from '../components/PublicFrame';
import { OfflineCheck } from './components/OfflineCheck';
import { SerialForm } from './components/SerialForm';
import { VerdictBanner } from './components/VerdictBanner';
import { VerifiedFacts } from './components/VerifiedFacts';
import { Paragraph, Title } from '../../../components/Type';

/**
 * `/verify/{serial}` (what the certificate's QR code opens) and `/verify` (a serial typed
 * from the paper): valid, altered, revoked or unknown, without signing in, phone first.
 */
export function VerifyPage() {
  const { t } = useT();
  const { serial } = useParams();
  const title = (
    <Title level={1} style={{ marginTop: 0, fontSize: 24 }} data-testid="page-title">
      {t('verify.title')}
    </Title>
  );
  return (
    <PublicFrame maxWidth={720}>
      <title>{`${t('verify.title')} · ${t('app.name')}`}</title>
      <Flex vertical gap={16}>
        {serial === undefined ? (
          <Panel>
            {title}
            <Paragraph type="secondary">{t('verify.intro')}</Paragraph>
            <SerialForm />
          </Panel>
        ) : (
          <Verification serial={serial} title={title} />
        )}
        <Flex justify="center" gap={24}>
          <Link to="/public/projects">{t('verify.projects')}</Link>
          <Link to="/login">{t('verify.signIn')}</Link>
        </Flex>
      </Flex>
    </PublicFrame>
  );
}

function Verification({ serial, title }: { serial: string; title: ReactNode }) {
  const { t } = useT();
  const query = useQuery({
    queryKey: ['certificate-verification', serial],
    queryFn: () => verifyCertificate(serial),
  });
  if (query.isPending)
    return (
      <Panel>
        {title}
        <PageLoading />
      </Panel>
    );
  if (query.isError)
    return (
      <Panel>
        {title}
        <PageError error={query.error} onRetry={() => void query.refetch()} />
      </Panel>
    );
  const verification = query.data;
  const { status } = verification;
  return (
    <>
      <Panel>
        {title}
        <Flex vertical gap={16}>
          <VerdictBanner verification={verification} />
          <VerifiedFacts verification={verification} />
        </Flex>
      </Panel>
      {(status === 'valid' || status === 'revoked') && (
        <Panel title={t('verify.offline.title')} small>
          <OfflineCheck verification={verification} />
        </Panel>
      )}
      <Panel title={t('verify.checkAnother')} small>
        <SerialForm {...(status === 'unknown' ? { initialSerial: serial } : {})} />
      </Panel>
    </>
  );
}
