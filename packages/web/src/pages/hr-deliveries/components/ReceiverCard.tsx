import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Modal, Switch, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HrPushSettings } from '@jijiao/contracts';
import { fetchHrPushSettings, saveHrPushSettings } from '../../../api';
import { PageError, PageLoading } from '../../../components/PageState';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';
import { useFeedback } from '../../../components/feedback';

interface ReceiverForm {
  receiverUrl: string;
  secret?: string;
  enabled: boolean;
}

function ReceiverModal({
  provinceId,
  settings,
  open,
  onClose,
}: {
  provinceId: string;
  settings: HrPushSettings;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReceiverForm>();
  const save = useMutation({
    mutationFn: (values: ReceiverForm) =>
      saveHrPushSettings(provinceId, {
        receiverUrl: values.receiverUrl.trim(),
        enabled: values.enabled,
        ...(values.secret ? { secret: values.secret } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['hr-push-settings', provinceId], saved);
      message.success(t('hrDeliveries.saved'));
      onClose();
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  return (
    <Modal
      open={open}
      title={t('hrDeliveries.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ReceiverForm>
        form={form}
        layout="vertical"
        initialValues={{
          receiverUrl: settings.receiverUrl ?? '',
          enabled: settings.enabled || !settings.hasSecret,
        }}
        onFinish={(values) => {
          save.mutate(values);
        }}
      >
        <Form.Item
          name="receiverUrl"
          label={t('hrDeliveries.receiverUrl')}
          rules={[
            { required: true, pattern: /^https?:\/\/\S+$/, message: t('hrDeliveries.urlInvalid') },
          ]}
        >
          <Input placeholder="https://" maxLength={500} />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('hrDeliveries.secretNew')}
          extra={t('hrDeliveries.secretHint')}
          rules={[
            { required: !settings.hasSecret, message: t('hrDeliveries.secretRequired') },
            { min: 16, message: t('hrDeliveries.secretTooShort') },
          ]}
        >
          <Input.Password
            autoComplete="new-password"
            maxLength={200}
            placeholder={settings.hasSecret ? t('hrDeliveries.secretKeep') : undefined}
          />
        </Form.Item>
        <Form.Item name="enabled" label={t('hrDeliveries.enabled')} valuePropName="checked">
          <Switch
            checkedChildren={t('hrDeliveries.on')}
            unCheckedChildren={t('hrDeliveries.off')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The province's HR receiver: its address, on or off, whether a secret is set (never which). */
export function ReceiverCard({ provinceId }: { provinceId: string }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const settings = useQuery({
    queryKey: ['hr-push-settings', provinceId],
    queryFn: () => fetchHrPushSettings(provinceId),
  });
  return (
    <Card
      title={t('hrDeliveries.settingsTitle')}
      extra={
        settings.data && (
          <Button
            icon={<EditOutlined />}
            data-testid="edit-receiver"
            onClick={() => {
              setEditing(true);
            }}
          >
            {t('hrDeliveries.edit')}
          </Button>
        )
      }
    >
      {settings.isError ? (
        <PageError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <PageLoading />
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="receiver-settings">
            <Descriptions.Item label={t('hrDeliveries.receiverUrl')}>
              {settings.data.receiverUrl ?? t('hrDeliveries.notConfigured')}
            </Descriptions.Item>
            <Descriptions.Item label={t('hrDeliveries.enabled')}>
              <Tag color={settings.data.enabled ? 'success' : 'default'}>
                {settings.data.enabled ? t('hrDeliveries.on') : t('hrDeliveries.off')}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('hrDeliveries.secret')}>
              {settings.data.hasSecret
                ? t('hrDeliveries.secretSet')
                : t('hrDeliveries.secretUnset')}
            </Descriptions.Item>
            <Descriptions.Item label={t('hrDeliveries.updatedAt')}>
              {formatDateTime(settings.data.updatedAt)}
            </Descriptions.Item>
          </Descriptions>
          <ReceiverModal
            provinceId={provinceId}
            settings={settings.data}
            open={editing}
            onClose={() => {
              setEditing(false);
            }}
          />
        </>
      )}
    </Card>
  );
}
