import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { CertificateRegisterItem } from '@jijiao/contracts';
import type { Translate } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';

function StatusCell({ t, c }: { t: Translate; c: CertificateRegisterItem }) {
  if (!c.revoked) return <Tag color="success">{t('certRegister.status.valid')}</Tag>;
  return (
    <div>
      <Tag color="error">{t('certRegister.status.revoked')}</Tag>
      <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>
        {t('certRegister.revokedOn', { at: formatDateTime(c.revokedAt) })}
      </Typography.Paragraph>
      {c.revokedReason && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: 0 }}
          ellipsis={{ rows: 2, tooltip: c.revokedReason }}
        >
          {t('certRegister.revokedReason', { reason: c.revokedReason })}
        </Typography.Paragraph>
      )}
    </div>
  );
}

function CreditsCell({ t, c }: { t: Translate; c: CertificateRegisterItem }) {
  const { I, II } = c.credits.byClass;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{c.credits.total}</Typography.Text>
      {(I !== undefined || II !== undefined) && (
        <Typography.Text type="secondary">
          {t('certRegister.classCredits', { classI: I ?? 0, classII: II ?? 0 })}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * The columns of 证书登记: serial, holder (masked ID), unit, year, credits, issue date,
 * status with the revocation, public verifications, and the actions the caller may take.
 */
export function registerColumns(
  t: Translate,
  actions: { canRevoke: boolean; onRevoke: (c: CertificateRegisterItem) => void },
): TableColumnsType<CertificateRegisterItem> {
  return [
    {
      title: t('certRegister.columns.serial'),
      dataIndex: 'serial',
      width: 236,
      render: (serial: string) => (
        <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 13 }}>
          {serial}
        </Typography.Text>
      ),
    },
    {
      title: t('certRegister.columns.holder'),
      key: 'holder',
      render: (_, c) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/progress/people/${c.personId}?year=${String(c.year)}`}>{c.holderName}</Link>
          <Typography.Text type="secondary"> {c.holderIdNumberMasked}</Typography.Text>
          <Typography.Paragraph
            type="secondary"
            style={{ margin: 0 }}
            ellipsis={{ rows: 1, tooltip: c.unitName }}
          >
            {c.unitName}
          </Typography.Paragraph>
        </div>
      ),
    },
    { title: t('certRegister.columns.year'), dataIndex: 'year', width: 56 },
    {
      title: t('certRegister.columns.credits'),
      key: 'credits',
      width: 80,
      render: (_, c) => <CreditsCell t={t} c={c} />,
    },
    { title: t('certRegister.columns.issuedOn'), dataIndex: 'issuedOn', width: 100 },
    {
      title: t('certRegister.columns.status'),
      key: 'status',
      width: 168,
      render: (_, c) => <StatusCell t={t} c={c} />,
    },
    {
      title: t('certRegister.columns.verifications'),
      key: 'verifications',
      width: 136,
      render: (_, c) =>
        c.verificationCount === 0 ? (
          <Typography.Text type="secondary">{t('certRegister.neverVerified')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            <span data-testid="verification-count">
              {t('certRegister.verificationCount', { count: c.verificationCount })}
            </span>
            <Typography.Text type="secondary">
              {t('certRegister.lastVerified', { at: formatDateTime(c.lastVerifiedAt) })}
            </Typography.Text>
          </Space>
        ),
    },
    ...(actions.canRevoke
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 84,
            render: (_: unknown, c: CertificateRegisterItem) =>
              c.revoked ? null : (
                <Button
                  danger
                  size="small"
                  data-testid="revoke-certificate"
                  onClick={() => {
                    actions.onRevoke(c);
                  }}
                >
                  {t('certRegister.revoke')}
                </Button>
              ),
          },
        ]
      : []),
  ];
}
