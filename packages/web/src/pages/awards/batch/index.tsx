import { useState } from 'react';
import { Button, Card, Flex, Popconfirm, Space, Table } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, ImportOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { AwardBatch, AwardLine } from '@jijiao/contracts';
import {
  approveAwardBatch,
  fetchAwardBatch,
  removeAwardLine,
  returnAwardLines,
  submitAwardBatch,
} from '../../../api';
import { PageError, PageLoading } from '../../../components/PageState';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { AddLineForm } from './components/AddLineForm';
import { awardLineColumns } from './components/award-line-columns';
import { BatchDescriptions } from './components/BatchDescriptions';
import { ReturnLinesModal } from './components/ReturnLinesModal';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';

/**
 * One award batch: the host adds lines (by hand or roster), removes them and submits; the
 * province approves every waiting line or returns the selected ones with a reason.
 */
export function AwardBatchPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const batch = useQuery({ queryKey: ['award-batch', id], queryFn: () => fetchAwardBatch(id) });
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState(false);

  const done = (key: Parameters<typeof t>[0]) => (next: AwardBatch) => {
    queryClient.setQueryData(['award-batch', id], next);
    void queryClient.invalidateQueries({ queryKey: ['award-batches'] });
    message.success(t(key));
  };
  const failed = (error: unknown) => {
    message.error(errorText(t, error));
    void batch.refetch();
  };
  const version = batch.data?.version ?? 0;
  const remove = useMutation({
    mutationFn: (lineId: string) => removeAwardLine(id, lineId),
    onSuccess: done('awards.removed'),
    onError: failed,
  });
  const submit = useMutation({
    mutationFn: () => submitAwardBatch(id, version),
    onSuccess: done('awards.submitted'),
    onError: failed,
  });
  const approve = useMutation({
    mutationFn: () => approveAwardBatch(id, version),
    onSuccess: done('awards.approved'),
    onError: failed,
  });
  const giveBack = useMutation({
    mutationFn: (reason: string) =>
      returnAwardLines(
        id,
        version,
        selected.map((lineId) => ({ id: lineId, reason })),
      ),
    onSuccess: (next) => {
      setReturning(false);
      setSelected([]);
      done('awards.returnedDone')(next);
    },
    onError: (error) => {
      setReturning(false);
      failed(error);
    },
  });

  if (batch.isError) return <PageError error={batch.error} onRetry={() => void batch.refetch()} />;
  if (!batch.data) return <PageLoading />;
  const b = batch.data;
  const waiting = b.lines.filter((l) => l.status === 'submitted' && !l.matched);
  const columns = awardLineColumns({
    t,
    canEdit: b.canEdit,
    onRemove: (lineId) => {
      remove.mutate(lineId);
    },
  });

  return (
    <Card>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <PageHeader title={t('awards.batchTitle', { project: b.projectName })} />
        <Link to={b.canReview || !b.canEdit ? '/award-reviews' : `/projects/${b.projectId}/awards`}>
          <ArrowLeftOutlined /> {t('awards.back')}
        </Link>
      </Flex>
      <BatchDescriptions batch={b} />
      {b.canEdit && (
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <AddLineForm batchId={b.id} projectId={b.projectId} />
          <Space wrap>
            <Link to={`/awards/${b.id}/roster`}>
              <Button icon={<ImportOutlined />}>{t('awards.roster')}</Button>
            </Link>
            <Popconfirm
              title={t('awards.submitConfirm')}
              okText={t('awards.submit')}
              cancelText={t('common.cancel')}
              onConfirm={() => {
                submit.mutate();
              }}
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={submit.isPending}
                disabled={b.lines.length === 0}
                data-testid="submit-batch"
              >
                {t('awards.submit')}
              </Button>
            </Popconfirm>
          </Space>
        </Flex>
      )}
      {b.canReview && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Popconfirm
            title={t('awards.approveConfirm', { count: waiting.length })}
            okText={t('awards.approveAll')}
            cancelText={t('common.cancel')}
            onConfirm={() => {
              approve.mutate();
            }}
          >
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={approve.isPending}
              data-testid="approve-all"
            >
              {t('awards.approveAll')}
            </Button>
          </Popconfirm>
          <Button
            danger
            disabled={selected.length === 0}
            onClick={() => {
              setReturning(true);
            }}
            data-testid="return-selected"
          >
            {t('awards.returnSelected')}
          </Button>
        </Space>
      )}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={b.lines}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="award-lines"
        {...(b.canReview
          ? {
              rowSelection: {
                selectedRowKeys: selected,
                onChange: (keys) => {
                  setSelected(keys.map(String));
                },
                getCheckboxProps: (l: AwardLine) => ({
                  disabled: l.status !== 'submitted' || l.matched,
                }),
              },
            }
          : {})}
      />
      <ReturnLinesModal
        count={selected.length}
        open={returning}
        pending={giveBack.isPending}
        onCancel={() => {
          setReturning(false);
        }}
        onConfirm={(reason) => {
          giveBack.mutate(reason);
        }}
      />
    </Card>
  );
}
