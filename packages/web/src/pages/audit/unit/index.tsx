import { useState } from 'react';
import {
  Button,
  Card,
  Flex,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditResult } from '@jijiao/contracts';
import { fetchUnitAudit, setAuditNote, unitReportStep } from '../../../api';
import { FormError } from '../../../components/FormError';
import { PageError, PageLoading } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { AuditPicker } from '../components/AuditPicker';
import { ReportStatusTag } from '../components/ReportStatusTag';
import { useAudits } from '../components/use-audits';
import { requirementLabel } from '../../../components/year/credit-tags';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';

/** 本单位审验: every staff member's result with reasons, notes, confirm and report up (上报). */
export function AuditUnitPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const { grant } = useSession();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string>();
  const [noteOf, setNoteOf] = useState<AuditResult | null>(null);
  const { query, items, current } = useAudits(selected);
  const unit = useQuery({
    queryKey: ['audit-unit', current?.id, grant.orgId],
    queryFn: () => fetchUnitAudit(current?.id ?? '', grant.orgId),
    enabled: current !== undefined,
    retry: false,
  });
  const step = useMutation({
    mutationFn: (s: 'confirm' | 'report') =>
      unitReportStep(current?.id ?? '', grant.orgId, s, unit.data?.report.version ?? 0),
    onSuccess: (report, s) => {
      message.success(
        s === 'confirm'
          ? t('audit.confirmed')
          : t('audit.reportedDone', { org: report.chain[0]?.orgName ?? '' }),
      );
      void queryClient.invalidateQueries({ queryKey: ['audit-unit'] });
    },
  });

  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <PageLoading />;
  const report = unit.data?.report;
  const columns: TableColumnsType<AuditResult> = [
    { title: t('audit.name'), dataIndex: 'name', width: 120 },
    { title: t('audit.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
    {
      title: t('audit.totalCredits'),
      dataIndex: 'totalCredits',
      width: 100,
      render: (v: number) => v.toFixed(1),
    },
    {
      title: t('audit.result'),
      key: 'result',
      width: 110,
      render: (_v: unknown, r) =>
        r.voided ? (
          <Tag color="error">{t('audit.voided')}</Tag>
        ) : r.compliant ? (
          <Tag color="success">{t('audit.pass')}</Tag>
        ) : (
          <Tag color="warning">{t('audit.fail')}</Tag>
        ),
    },
    {
      title: t('audit.reasons'),
      key: 'reasons',
      render: (_v: unknown, r) =>
        r.requirements
          .filter((q) => !q.met)
          .map((q) =>
            t('audit.shortfall', {
              requirement: requirementLabel(t, q.code),
              shortfall: q.shortfall,
            }),
          )
          .join('；') || '—',
    },
    {
      title: t('audit.note'),
      key: 'note',
      width: 220,
      render: (_v: unknown, r) => (
        <Space>
          <span>{r.note ?? ''}</span>
          {current?.status === 'open' && (
            <Button
              type="link"
              size="small"
              onClick={() => {
                setNoteOf(r);
              }}
            >
              {t('audit.editNote')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  const canConfirm = report && ['pending', 'returned'].includes(report.status);
  return (
    <Card>
      <PageHeader title={t('audit.nav.unit')} />
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 16 }}>
        <Space>
          <AuditPicker items={items} current={current} onChange={setSelected} />
          {report && <ReportStatusTag status={report.status} late={report.late} />}
          {report && (
            <Typography.Text type="secondary">
              {t('audit.compliant')} {report.compliant} / {report.people} ·{' '}
              {(report.rate * 100).toFixed(1)}%
            </Typography.Text>
          )}
        </Space>
        {current?.status === 'open' && report && (
          <Space>
            <Button
              disabled={!canConfirm}
              loading={step.isPending}
              onClick={() => {
                step.mutate('confirm');
              }}
            >
              {t('audit.confirm')}
            </Button>
            <Button
              type="primary"
              disabled={report.status !== 'confirmed'}
              loading={step.isPending}
              onClick={() => {
                step.mutate('report');
              }}
            >
              {t('audit.report')}
            </Button>
          </Space>
        )}
      </Flex>
      {report?.status === 'returned' && report.returnReason && (
        <Typography.Paragraph type="warning">
          {t('audit.returnReason')}：{report.returnReason}
        </Typography.Paragraph>
      )}
      <FormError error={step.error} placed={false} />
      {current === undefined && <Typography.Paragraph>{t('audit.noAudit')}</Typography.Paragraph>}
      {unit.isError && <Typography.Paragraph>{t('audit.noResults')}</Typography.Paragraph>}
      {unit.data && (
        <Table<AuditResult>
          rowKey="personId"
          columns={columns}
          dataSource={unit.data.results}
          size="small"
        />
      )}
      {noteOf && current && (
        <NoteModal
          key={noteOf.personId}
          auditId={current.id}
          unitId={grant.orgId}
          result={noteOf}
          onClose={() => {
            setNoteOf(null);
          }}
        />
      )}
    </Card>
  );
}

function NoteModal({
  auditId,
  unitId,
  result,
  onClose,
}: {
  auditId: string;
  unitId: string;
  result: AuditResult;
  onClose: () => void;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [note, setNote] = useState(result.note ?? '');
  const mutation = useMutation({
    mutationFn: () =>
      setAuditNote(auditId, unitId, result.personId, note.trim() === '' ? null : note.trim()),
    onSuccess: () => {
      message.success(t('audit.noteSaved'));
      void queryClient.invalidateQueries({ queryKey: ['audit-unit'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`${t('audit.note')} · ${result.name}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => {
        mutation.mutate();
      }}
      onCancel={onClose}
    >
      <FormError error={mutation.error} placed={false} />
      <Input.TextArea
        aria-label={t('audit.note')}
        value={note}
        maxLength={500}
        rows={3}
        onChange={(e) => {
          setNote(e.target.value);
        }}
      />
    </Modal>
  );
}
