import { useState } from 'react';
import { Button, Card, Flex, Progress, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitReport } from '@jijiao/contracts';
import { fetchAuditProgress, fetchAuditRun, fileAudit, startAuditRun } from '../../../api';
import { FormError } from '../../../components/FormError';
import { PageError } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { AuditPicker } from '../components/AuditPicker';
import { useAudits } from '../components/use-audits';
import { OpenAuditModal } from './components/OpenAuditModal';
import { cityColumns, unitColumns, type CityRow } from './components/progress-columns';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';

/** 审验管理: open the year's audit, run the evaluation, follow cities and units, file. */
export function AuditManagePage() {
  const { t } = useT();
  const { message, modal } = useFeedback();
  const { grant } = useSession();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string>();
  const [opening, setOpening] = useState(false);
  const { query, items, current } = useAudits(selected);
  const run = useQuery({
    queryKey: ['audit-run', current?.id],
    queryFn: () => fetchAuditRun(current?.id ?? ''),
    enabled: current !== undefined,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
  const progress = useQuery({
    queryKey: ['audit-progress', current?.id, run.data?.status],
    queryFn: () => fetchAuditProgress(current?.id ?? ''),
    enabled: current !== undefined,
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['audits'] });
    void queryClient.invalidateQueries({ queryKey: ['audit-run'] });
    void queryClient.invalidateQueries({ queryKey: ['audit-progress'] });
  };
  const start = useMutation({
    mutationFn: (id: string) => startAuditRun(id),
    onSuccess: refresh,
  });
  const file = useMutation({
    mutationFn: (a: { id: string; version: number }) => fileAudit(a.id, a.version),
    onSuccess: (result) => {
      message.success(t('audit.filed', { issued: result.certificatesIssued }));
      refresh();
    },
  });

  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  const r = run.data;
  const allApproved =
    (progress.data?.units.length ?? 0) > 0 &&
    progress.data?.units.every((u) => u.status === 'approved') === true;

  return (
    <Card>
      <PageHeader title={t('audit.nav.manage')} />
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 16 }}>
        <AuditPicker items={items} current={current} onChange={setSelected} />
        <Flex gap={8}>
          <Button
            onClick={() => {
              setOpening(true);
            }}
          >
            {t('audit.open')}
          </Button>
          {current?.status === 'open' && (
            <Button
              type="primary"
              loading={start.isPending || r?.status === 'running'}
              onClick={() => {
                start.mutate(current.id);
              }}
            >
              {r ? t('audit.rerun') : t('audit.run')}
            </Button>
          )}
          {current?.status === 'open' && (
            <Button
              disabled={!allApproved}
              loading={file.isPending}
              onClick={() => {
                modal.confirm({
                  title: t('audit.file'),
                  content: t('audit.fileConfirm'),
                  onOk: () => file.mutateAsync({ id: current.id, version: current.version }),
                });
              }}
            >
              {t('audit.file')}
            </Button>
          )}
        </Flex>
      </Flex>
      <FormError error={start.error ?? file.error} placed={false} />
      {current === undefined && <Typography.Paragraph>{t('audit.noAudit')}</Typography.Paragraph>}
      {r && (
        <div style={{ marginBottom: 16 }} data-testid="audit-run">
          <Progress
            percent={r.total === 0 ? 100 : Math.floor((r.done / r.total) * 100)}
            status={
              r.status === 'failed' ? 'exception' : r.status === 'running' ? 'active' : 'success'
            }
          />
          <Typography.Text type="secondary">
            {r.status === 'failed'
              ? t('audit.runFailed', { error: r.error ?? '' })
              : r.status === 'running'
                ? t('audit.runProgress', { done: r.done, total: r.total })
                : t('audit.runDone', { people: r.done, compliant: r.compliant })}
          </Typography.Text>
        </div>
      )}
      {progress.data && (
        <>
          <Table<CityRow>
            rowKey={(c) => c.cityId ?? 'direct'}
            columns={cityColumns(t)}
            dataSource={progress.data.cities}
            pagination={false}
            size="small"
            style={{ marginBottom: 16 }}
          />
          <Table<UnitReport>
            rowKey="unitId"
            columns={unitColumns(t)}
            dataSource={progress.data.units}
            size="small"
          />
        </>
      )}
      <OpenAuditModal
        open={opening}
        provinceId={grant.orgId}
        onClose={() => {
          setOpening(false);
        }}
        onOpened={(id, year) => {
          setOpening(false);
          setSelected(id);
          message.success(t('audit.opened', { year }));
          refresh();
        }}
      />
    </Card>
  );
}
