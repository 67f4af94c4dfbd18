import { useState } from 'react';
import { Button, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { transferStatuses, type Transfer } from '@jijiao/contracts';
import { decideTransfer, listTransfers } from '../../../../api';
import { FormError } from '../../../../components/FormError';
import { PageError } from '../../../../components/PageState';
import { useT } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';
import { TransferModal } from './TransferModal';
import { useFeedback } from '../../../../components/feedback';

type Status = Transfer['status'];
const statusColors: Record<Status, string> = {
  pending: 'gold',
  accepted: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** 调入审核 (incoming: accept or reject) and 调出 (outgoing: what was asked, and the answer). */
export function TransferList({
  direction,
  canManage,
}: {
  direction: 'incoming' | 'outgoing';
  canManage: boolean;
}) {
  const { t } = useT();
  const [status, setStatus] = useState<Status | undefined>(
    direction === 'incoming' ? 'pending' : undefined,
  );
  const [deciding, setDeciding] = useState<{
    transfer: Transfer;
    decision: 'accept' | 'reject';
  } | null>(null);
  const [requesting, setRequesting] = useState(false);
  const transfers = useQuery({
    queryKey: ['transfers', direction, status ?? null],
    queryFn: () => listTransfers({ direction, status }),
  });

  if (transfers.isError)
    return <PageError error={transfers.error} onRetry={() => void transfers.refetch()} />;

  return (
    <>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <Select<Status | ''>
          aria-label={t('people.transfers.status')}
          style={{ width: 180 }}
          value={status ?? ''}
          onChange={(value) => {
            setStatus(value === '' ? undefined : value);
          }}
          options={[
            { value: '', label: t('people.transfers.allStatuses') },
            ...transferStatuses.map((s) => ({ value: s, label: t(`transferStatus.${s}`) })),
          ]}
        />
        {direction === 'outgoing' && canManage && (
          <Button
            icon={<SwapOutlined />}
            onClick={() => {
              setRequesting(true);
            }}
          >
            {t('people.transfers.request')}
          </Button>
        )}
      </Flex>
      <Table<Transfer>
        rowKey="id"
        loading={transfers.isPending}
        dataSource={transfers.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={`transfers-${direction}`}
        locale={{
          emptyText:
            direction === 'incoming'
              ? t('people.transfers.emptyIncoming')
              : t('people.transfers.emptyOutgoing'),
        }}
        columns={[
          {
            title: t('people.transfers.person'),
            key: 'person',
            render: (_v: unknown, row) => (
              <Flex vertical>
                <span>{row.personName}</span>
                <Typography.Text type="secondary">{row.idNumberMasked}</Typography.Text>
              </Flex>
            ),
          },
          { title: t('people.transfers.fromUnit'), dataIndex: 'fromUnitName' },
          { title: t('people.transfers.toUnit'), dataIndex: 'toUnitName' },
          {
            title: t('people.transfers.status'),
            dataIndex: 'status',
            render: (value: Status) => (
              <Tag color={statusColors[value]}>{t(`transferStatus.${value}`)}</Tag>
            ),
          },
          {
            title: t('people.transfers.requestedAt'),
            dataIndex: 'requestedAt',
            render: (value: string) => formatDateTime(value),
          },
          {
            title: t('people.transfers.note'),
            dataIndex: 'note',
            render: (value: string | null) => value ?? '—',
          },
          {
            title: t('people.transfers.decidedAt'),
            dataIndex: 'decidedAt',
            render: (value: string | null) => formatDateTime(value),
          },
          {
            title: t('people.transfers.reason'),
            dataIndex: 'decisionReason',
            render: (value: string | null) => value ?? '—',
          },
          ...(direction === 'incoming' && canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_v: unknown, row: Transfer) =>
                    row.status === 'pending' ? (
                      <Space>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => {
                            setDeciding({ transfer: row, decision: 'accept' });
                          }}
                        >
                          {t('people.transfers.accept')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger
                          onClick={() => {
                            setDeciding({ transfer: row, decision: 'reject' });
                          }}
                        >
                          {t('people.transfers.reject')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {deciding && (
        <DecisionModal
          key={`${deciding.transfer.id}-${deciding.decision}`}
          transfer={deciding.transfer}
          decision={deciding.decision}
          onClose={() => {
            setDeciding(null);
          }}
        />
      )}
      <TransferModal
        open={requesting}
        person={null}
        onClose={() => {
          setRequesting(false);
        }}
      />
    </>
  );
}

function DecisionModal({
  transfer,
  decision,
  onClose,
}: {
  transfer: Transfer;
  decision: 'accept' | 'reject';
  onClose: () => void;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const mutation = useMutation({
    mutationFn: (reason: string | undefined) => decideTransfer(transfer.id, { decision, reason }),
    onSuccess: () => {
      message.success(
        decision === 'accept' ? t('people.transfers.accepted') : t('people.transfers.rejected'),
      );
      void queryClient.invalidateQueries({ queryKey: ['transfers'] });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      onClose();
    },
  });
  const name = transfer.personName;
  return (
    <Modal
      open
      title={
        decision === 'accept'
          ? t('people.transfers.acceptTitle', { name })
          : t('people.transfers.rejectTitle', { name })
      }
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      okText={decision === 'accept' ? t('people.transfers.accept') : t('people.transfers.reject')}
      okButtonProps={{ danger: decision === 'reject' }}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
    >
      {decision === 'accept' && (
        <Typography.Paragraph>{t('people.transfers.acceptHint', { name })}</Typography.Paragraph>
      )}
      <FormError error={mutation.error} placed={false} />
      <Form
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        onFinish={(values) => {
          const reason = values.reason?.trim();
          mutation.mutate(reason ? reason : undefined);
        }}
      >
        <Form.Item
          name="reason"
          label={
            decision === 'accept'
              ? t('people.transfers.reasonOptional')
              : t('people.transfers.reason')
          }
          rules={[
            ...(decision === 'reject'
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t('people.transfers.reasonRequired'),
                  },
                ]
              : []),
            {
              max: 200,
              message: t('form.tooLong', { field: t('people.transfers.reason'), max: 200 }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
