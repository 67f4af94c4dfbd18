import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Modal, Popconfirm, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckinDevice, CheckinDeviceCreated } from '@jijiao/contracts';
import { createDevice, listDevices, revokeDevice } from '../../../api';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';
import { useFeedback } from '../../../components/feedback';

/** Kiosks of the project: register one (its token is shown once), revoke one. */
export function DevicesCard({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CheckinDeviceCreated | null>(null);
  const devices = useQuery({
    queryKey: ['checkin', projectId, 'devices'],
    queryFn: () => listDevices(projectId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['checkin', projectId] });
  const onError = (error: unknown) => {
    message.error(errorText(t, error));
  };
  const add = useMutation({
    mutationFn: () => createDevice(projectId, name.trim()),
    onSuccess: (device) => {
      setName('');
      setCreated(device);
      void refresh();
    },
    onError,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeDevice(id),
    onSuccess: () => void refresh(),
    onError,
  });

  return (
    <Card title={t('checkin.devices')}>
      <Table<CheckinDevice>
        rowKey="id"
        size="small"
        pagination={false}
        loading={devices.isPending}
        dataSource={devices.data ?? []}
        columns={[
          { title: t('checkin.deviceName'), dataIndex: 'name' },
          { title: t('checkin.tokenHint'), dataIndex: 'tokenHint', render: (v: string) => `…${v}` },
          {
            title: t('checkin.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, d) =>
              d.revokedAt !== null ? (
                <Typography.Text type="secondary">{t('checkin.revoked')}</Typography.Text>
              ) : canEdit ? (
                <Popconfirm
                  title={t('checkin.revokeConfirm')}
                  onConfirm={() => {
                    revoke.mutate(d.id);
                  }}
                >
                  <Button type="link" size="small" danger>
                    {t('checkin.revoke')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {canEdit && (
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Input
            aria-label={t('checkin.deviceName')}
            placeholder={t('checkin.deviceName')}
            value={name}
            maxLength={100}
            onChange={(event) => {
              setName(event.target.value);
            }}
            style={{ width: 240 }}
          />
          <Button
            type="primary"
            disabled={name.trim() === ''}
            loading={add.isPending}
            onClick={() => {
              add.mutate();
            }}
          >
            {t('checkin.addDevice')}
          </Button>
        </Flex>
      )}
      <Modal
        open={created !== null}
        title={t('checkin.tokenTitle')}
        onOk={() => {
          setCreated(null);
        }}
        onCancel={() => {
          setCreated(null);
        }}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon title={t('checkin.tokenOnce')} />
        <Typography.Paragraph copyable code style={{ marginTop: 16, fontSize: 16 }}>
          {created?.token}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('checkin.tokenUse')}</Typography.Text>
      </Modal>
    </Card>
  );
}
