import { Alert, Card, Col, Flex, Row, Space, Table, Tag, Typography } from 'antd';
import type { VoidPreview, VoidStanding } from '@jijiao/contracts';
import { StatusTag, activityLabel, requirementLabel } from '../../../components/year/credit-tags';
import { useT } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';

function StandingCard({
  title,
  standing,
  testId,
}: {
  title: string;
  standing: VoidStanding;
  testId: string;
}) {
  const { t } = useT();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Space orientation="vertical" size={4}>
        <Space>
          <Tag color={standing.compliant ? 'success' : 'warning'}>
            {standing.compliant ? t('fraud.compliant') : t('fraud.notCompliant')}
          </Tag>
          <Typography.Text strong>
            {t('fraud.credits', { credits: standing.totalCredits })}
          </Typography.Text>
        </Space>
        {standing.requirements.map((r) => (
          <Typography.Text key={r.code} type={r.met ? 'secondary' : 'danger'}>
            {t('fraud.requirement', {
              requirement: requirementLabel(t, r.code),
              earned: r.earned,
              required: r.required,
            })}
          </Typography.Text>
        ))}
      </Space>
    </Card>
  );
}

/** What a void would do, in the order it happens: credits, standing, certificate, HR, audit. */
export function VoidConsequences({
  preview,
  wholeYear,
}: {
  preview: VoidPreview;
  wholeYear: boolean;
}) {
  const { t } = useT();
  const { certificate, hrReceiver } = preview;
  const hrReady = hrReceiver.configured && hrReceiver.enabled;
  return (
    <Space
      orientation="vertical"
      size={12}
      style={{ width: '100%' }}
      data-testid="void-consequences"
    >
      <Typography.Text strong>
        {t('fraud.claimsTitle', { count: preview.claims.length })}
      </Typography.Text>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={preview.claims}
        data-testid="void-claims"
        locale={{ emptyText: t('fraud.noClaims') }}
        columns={[
          {
            title: t('credits.columns.activity'),
            key: 'activity',
            render: (_, c) => activityLabel(t, c.activityType, c.projectNumber),
          },
          { title: t('credits.columns.date'), dataIndex: 'activityDate', width: 110 },
          { title: t('credits.columns.credits'), dataIndex: 'credits', width: 64 },
          {
            title: t('credits.columns.status'),
            key: 'status',
            width: 90,
            render: (_, c) => <StatusTag status={c.status} />,
          },
        ]}
      />
      <Typography.Text strong>{t('fraud.standingTitle')}</Typography.Text>
      <Row gutter={12}>
        <Col span={12}>
          <StandingCard
            title={t('fraud.before')}
            standing={preview.before}
            testId="standing-before"
          />
        </Col>
        <Col span={12}>
          <StandingCard title={t('fraud.after')} standing={preview.after} testId="standing-after" />
        </Col>
      </Row>
      <Flex vertical gap={8}>
        <Alert
          data-testid="void-certificate"
          type={certificate && !certificate.revoked ? 'error' : 'info'}
          showIcon
          title={t('fraud.certificateTitle')}
          description={
            certificate === null
              ? t('fraud.noCertificate')
              : certificate.revoked
                ? t('fraud.certificateAlreadyRevoked', {
                    year: preview.year,
                    serial: certificate.serial,
                    at: formatDateTime(certificate.revokedAt),
                  })
                : t('fraud.certificateWillRevoke', {
                    year: preview.year,
                    serial: certificate.serial,
                  })
          }
        />
        <Alert
          data-testid="void-hr"
          type={hrReady ? 'info' : 'warning'}
          showIcon
          title={t('fraud.hrTitle')}
          description={hrReady ? t('fraud.hrWillTell') : t('fraud.hrNoReceiver')}
        />
        <Alert
          type="info"
          showIcon
          title={t('fraud.auditTitle')}
          description={
            !preview.auditResult
              ? t('fraud.noAudit')
              : wholeYear
                ? t('fraud.auditRecomputeYear')
                : t('fraud.auditRecomputeCredit')
          }
        />
      </Flex>
    </Space>
  );
}
