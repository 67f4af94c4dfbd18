import { Descriptions } from 'antd';
import type { CertificateVerification } from '@jijiao/contracts';
import { useT } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';
import { Paragraph, Text, TextLink } from '../../../../components/Type';
import { CopyButton } from '../../../../components/CopyButton';

/**
 * How to check the signature without trusting this page: the holder's Open Badges file and
 * the published public keys (`GET /api/v1/certificates/keys`, JWK and PEM).
 */
export function OfflineCheck({ verification: v }: { verification: CertificateVerification }) {
  const { t } = useT();
  return (
    <div data-testid="verify-offline">
      <Paragraph type="secondary">{t('verify.offline.intro')}</Paragraph>
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 104 } }}
        items={[
          ...(v.keyId
            ? [
                {
                  key: 'keyId',
                  label: t('verify.offline.keyId'),
                  children: (
                    <span style={{ wordBreak: 'break-all' }}>
                      <Text code>{v.keyId}</Text>
                      <CopyButton text={v.keyId} />
                    </span>
                  ),
                },
              ]
            : []),
          ...(v.signedAt
            ? [
                {
                  key: 'signedAt',
                  label: t('verify.offline.signedAt'),
                  children: formatDateTime(v.signedAt),
                },
              ]
            : []),
          {
            key: 'keys',
            label: t('verify.offline.keys'),
            children: (
              <span>
                <TextLink
                  href={v.keysUrl}
                  target="_blank"
                  rel="noopener"
                  style={{ wordBreak: 'break-all' }}
                  data-testid="verify-keys-link"
                >
                  {v.keysUrl}
                </TextLink>
                <Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                  {t('verify.offline.keysHint')}
                </Text>
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
