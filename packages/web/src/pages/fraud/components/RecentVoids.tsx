import { Card, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { AuditLogEntry } from '@jijiao/contracts';
import { listAuditLog } from '../../../api';
import { PageError } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';

const actions = ['audit.year_voided', 'audit.credit_voided'] as const;
const shown = 20;

interface VoidRecord {
  id: number;
  at: string;
  wholeYear: boolean;
  personId: string | null;
  year: number | null;
  reason: string | null;
  certificate: string | null;
  actor: string | null;
}

function toRecord(entry: AuditLogEntry): VoidRecord {
  const { year, reason, certificate } = entry.details;
  return {
    id: entry.id,
    at: entry.at,
    wholeYear: entry.action === 'audit.year_voided',
    personId: entry.targetId,
    year: typeof year === 'number' ? year : null,
    reason: typeof reason === 'string' ? reason : null,
    certificate: typeof certificate === 'string' ? certificate : null,
    actor: entry.actorUsername,
  };
}

/** The latest voids in the caller's subtree, from the audit log: years and single credits. */
async function recentVoids(): Promise<VoidRecord[]> {
  const pages = await Promise.all(actions.map((action) => listAuditLog({ action, limit: shown })));
  return pages
    .flatMap((p) => p.items)
    .sort((a, b) => b.id - a.id)
    .slice(0, shown)
    .map(toRecord);
}

export function RecentVoids() {
  const { t } = useT();
  const records = useQuery({ queryKey: ['fraud-recent'], queryFn: recentVoids });
  return (
    <Card title={t('fraud.recentTitle')}>
      {records.isError ? (
        <PageError error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <Table<VoidRecord>
          rowKey="id"
          size="small"
          pagination={false}
          loading={records.isPending}
          dataSource={records.data ?? []}
          data-testid="recent-voids"
          locale={{ emptyText: t('fraud.noRecent') }}
          columns={[
            {
              title: t('fraud.recent.at'),
              key: 'at',
              width: 150,
              render: (_, r) => formatDateTime(r.at),
            },
            {
              title: t('fraud.recent.scope'),
              key: 'scope',
              width: 100,
              render: (_, r) => (
                <Tag color={r.wholeYear ? 'red' : 'orange'}>
                  {r.wholeYear ? t('fraud.scopeYear') : t('fraud.scopeCredit')}
                </Tag>
              ),
            },
            { title: t('fraud.recent.year'), dataIndex: 'year', width: 70 },
            {
              title: t('fraud.recent.reason'),
              dataIndex: 'reason',
              ellipsis: { showTitle: true },
            },
            {
              title: t('fraud.recent.certificate'),
              key: 'certificate',
              width: 220,
              render: (_, r) =>
                r.certificate ? (
                  <Link to={`/certificates?q=${encodeURIComponent(r.certificate)}`}>
                    <Typography.Text style={{ fontFamily: 'monospace' }}>
                      {r.certificate}
                    </Typography.Text>
                  </Link>
                ) : (
                  '—'
                ),
            },
            { title: t('fraud.recent.actor'), dataIndex: 'actor', width: 150 },
            {
              title: t('common.actions'),
              key: 'person',
              width: 100,
              render: (_, r) =>
                r.personId && (
                  <Link to={`/progress/people/${r.personId}?year=${String(r.year ?? '')}`}>
                    {t('fraud.viewPerson')}
                  </Link>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
