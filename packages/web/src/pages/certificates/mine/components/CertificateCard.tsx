import { Alert, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Certificate } from '@jijiao/contracts';
import { downloadCertificateBadge, downloadCertificatePdf } from '../../../../api/certificates';
import { certificateCreditsText } from '../../../../components/certificate/certificate-text';
import { DownloadButton } from '../../../../components/DownloadButton';
import { QrCode } from '../../../../components/QrCode';
import { useT } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';

/**
 * One year's certificate as a card (it must read on a 390-pixel phone): the facts, the
 * verification link and its QR code, the PDF and the signed Open Badges file.
 */
export function CertificateCard({ certificate: c }: { certificate: Certificate }) {
  const { t } = useT();
  return (
    <Card
      data-testid={`certificate-${String(c.year)}`}
      title={
        <Flex wrap gap={8} align="center">
          {t('myCertificates.cardTitle', { year: c.year })}
          <Tag color={c.revoked ? 'error' : 'success'} data-testid="certificate-state">
            {c.revoked ? t('myCertificates.revoked') : t('myCertificates.valid')}
          </Tag>
        </Flex>
      }
    >
      {c.revoked && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('myCertificates.revokedNotice', { date: formatDateTime(c.revokedAt) })}
        />
      )}
      <Row gutter={[24, 16]}>
        <Col xs={24} md={16}>
          <Descriptions
            size="small"
            column={1}
            styles={{ label: { width: 96 } }}
            items={[
              {
                key: 'credits',
                label: t('certificate.credits'),
                children: certificateCreditsText(t, c.credits),
              },
              ...(c.hoursEquivalent
                ? [
                    {
                      key: 'hours',
                      label: t('certificate.hours'),
                      children: t('certificate.hoursValue', { hours: c.hoursEquivalent }),
                    },
                  ]
                : []),
              { key: 'unit', label: t('certificate.unit'), children: c.unitName },
              { key: 'issuer', label: t('certificate.issuer'), children: c.issuerName },
              { key: 'issuedOn', label: t('certificate.issuedOn'), children: c.issuedOn },
              {
                key: 'serial',
                label: t('certificate.serial'),
                children: <Typography.Text copyable>{c.serial}</Typography.Text>,
              },
              {
                key: 'verifyLink',
                label: t('certificate.verifyLink'),
                children: (
                  <Typography.Link
                    href={c.verifyUrl}
                    target="_blank"
                    rel="noopener"
                    copyable={{ text: c.verifyUrl }}
                    style={{ wordBreak: 'break-all' }}
                    data-testid="certificate-verify-link"
                  >
                    {c.verifyUrl}
                  </Typography.Link>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} md={8}>
          <Flex vertical align="center" gap={4}>
            <QrCode
              text={c.verifyUrl}
              size={160}
              label={t('certificate.verifyQr')}
              data-testid="certificate-qr"
            />
            <Typography.Text type="secondary">{t('myCertificates.qrHint')}</Typography.Text>
          </Flex>
        </Col>
      </Row>
      <Flex wrap gap={8} style={{ marginTop: 16 }}>
        <DownloadButton
          type="primary"
          icon={<FilePdfOutlined />}
          fetchFile={() => downloadCertificatePdf(c.serial)}
          data-testid="download-pdf"
        >
          {t('myCertificates.downloadPdf')}
        </DownloadButton>
        <DownloadButton
          icon={<SafetyCertificateOutlined />}
          fetchFile={() => downloadCertificateBadge(c.serial)}
          data-testid="download-badge"
        >
          {t('myCertificates.downloadBadge')}
        </DownloadButton>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('myCertificates.badgeHint')}
      </Typography.Paragraph>
    </Card>
  );
}
