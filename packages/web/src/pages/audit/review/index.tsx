import { useState } from 'react';
import { Button, Card, Input, Modal, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { UnitReport } from '@jijiao/contracts';
import { fetchWaitingReports, reviewUnitReport } from '../../../api';
import { FormError } from '../../../components/FormError';
import { PageError } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { AuditPicker } from '../components/AuditPicker';
import { ReportStatusTag } from '../components/ReportStatusTag';
import { useAudits } from '../components/use-audits';
import { uuidParam } from '../../../utils/url-state';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';

/** 审验审核: reports from the units below, with totals and rates; approve or return each. */
export function AuditReviewPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  // `?audit=` (a 工作台's link) picks the audit; the open one, else the newest, by default.
  const [searchParams] = useSearchParams();
  const [selected, setSelected] = useState(() => uuidParam(searchParams.get('audit')));
  const [returning, setReturning] = useState<UnitReport | null>(null);
  const { query, items, current } = useAudits(selected);
  const waiting = useQuery({
    queryKey: ['audit-waiting', current?.id],
    queryFn: () => fetchWaitingReports(current?.id ?? ''),
    enabled: current !== undefined,
  });
  const approve = useMutation({
    mutationFn: (r: UnitReport) =>
      reviewUnitReport(r.auditId, r.unitId, 'approve', { version: r.version }),
    onSuccess: () => {
      message.success(t('audit.approvedDone'));
      void queryClient.invalidateQueries({ queryKey: ['audit-waiting'] });
    },
  });

  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const columns: TableColumnsType<UnitReport> = [
    { title: t('audit.unit'), dataIndex: 'unitName' },
    {
      title: t('audit.city'),
      dataIndex: 'cityName',
      render: (n: string | null) => n ?? t('audit.direct'),
    },
    {
      title: t('audit.reportStatusLabel'),
      key: 'status',
      width: 160,
      render: (_v: unknown, r) => <ReportStatusTag status={r.status} late={r.late} />,
    },
    { title: t('audit.people'), dataIndex: 'people', width: 90 },
    { title: t('audit.compliant'), dataIndex: 'compliant', width: 100 },
    {
      title: t('audit.rate'),
      dataIndex: 'rate',
      width: 100,
      render: (v: number) => `${(v * 100).toFixed(1)}%`,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_v: unknown, r) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            loading={approve.isPending}
            onClick={() => {
              approve.mutate(r);
            }}
          >
            {t('audit.approve')}
          </Button>
          <Button
            type="link"
            size="small"
            danger
            onClick={() => {
              setReturning(r);
            }}
          >
            {t('audit.return')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Card>
      <PageHeader title={t('audit.nav.review')} />
      <div style={{ marginBottom: 16 }}>
        <AuditPicker items={items} current={current} onChange={setSelected} />
      </div>
      <Typography.Title level={4}>{t('audit.waiting')}</Typography.Title>
      <FormError error={approve.error} placed={false} />
      <Table<UnitReport>
        rowKey="unitId"
        columns={columns}
        dataSource={waiting.data?.items ?? []}
        loading={waiting.isFetching}
        size="small"
      />
      {returning && (
        <ReturnModal
          key={returning.unitId}
          report={returning}
          onClose={() => {
            setReturning(null);
          }}
        />
      )}
    </Card>
  );
}

function ReturnModal({ report, onClose }: { report: UnitReport; onClose: () => void }) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      reviewUnitReport(report.auditId, report.unitId, 'return', {
        version: report.version,
        reason: reason.trim(),
      }),
    onSuccess: () => {
      message.success(t('audit.returnedDone'));
      void queryClient.invalidateQueries({ queryKey: ['audit-waiting'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('audit.returnTitle', { unit: report.unitName })}
      okText={t('audit.return')}
      okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => {
        mutation.mutate();
      }}
      onCancel={onClose}
    >
      <FormError error={mutation.error} placed={false} />
      <Input.TextArea
        aria-label={t('audit.returnReason')}
        placeholder={t('audit.returnReason')}
        value={reason}
        maxLength={500}
        rows={3}
        onChange={(e) => {
          setReason(e.target.value);
        }}
      />
    </Modal>
  );
}
