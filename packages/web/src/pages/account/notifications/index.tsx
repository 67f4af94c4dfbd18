import { useEffect } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreferencesUpdate } from '@jijiao/contracts';
import {
  fetchNotificationPreferences,
  saveNotificationPreferences,
} from '../../../api/notifications';
import { PageHeader } from '../../../components/PageHeader';
import { PageError, PageLoading } from '../../../components/PageState';
import { Paragraph, Text } from '../../../components/Type';
import { useFeedback } from '../../../components/feedback';
import { useT } from '../../../i18n/use-t';

const preferencesKey = ['notifications', 'preferences'] as const;

/** 通知设置: which channels reach the account, and quiet hours for SMS and WeChat. */
export function NotificationSettingsPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NotificationPreferencesUpdate>();
  const prefs = useQuery({ queryKey: preferencesKey, queryFn: fetchNotificationPreferences });
  const save = useMutation({
    mutationFn: saveNotificationPreferences,
    onSuccess: (saved) => {
      queryClient.setQueryData(preferencesKey, saved);
      message.success(t('notifications.settings.saved'));
    },
  });
  useEffect(() => {
    if (prefs.data) form.setFieldsValue(prefs.data);
  }, [prefs.data, form]);

  if (prefs.isPending) return <PageLoading />;
  if (prefs.isError) return <PageError error={prefs.error} onRetry={() => void prefs.refetch()} />;
  const p = prefs.data;
  const address = (value: string | null) => (
    <Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
      {value
        ? t('notifications.settings.address', { address: value })
        : t('notifications.settings.noAddress')}
    </Text>
  );
  return (
    <Card style={{ maxWidth: 560 }}>
      <PageHeader title={t('notifications.settings.title')} />
      <Paragraph type="secondary">{t('notifications.settings.intro')}</Paragraph>
      {p.emailUnsubscribed ? (
        <Alert
          type="info"
          showIcon
          title={t('notifications.settings.unsubscribed')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form
        form={form}
        initialValues={p}
        onFinish={(values) => {
          save.mutate({
            email: values.email,
            sms: values.sms,
            wechat: values.wechat,
            quietHours: values.quietHours,
          });
        }}
      >
        <Flex vertical gap={4}>
          <Form.Item name="email" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="pref-email">{t('notifications.settings.email')}</Checkbox>
          </Form.Item>
          {address(p.emailAddress)}
          <Form.Item name="sms" valuePropName="checked" style={{ marginBottom: 0, marginTop: 8 }}>
            <Checkbox data-testid="pref-sms">{t('notifications.settings.sms')}</Checkbox>
          </Form.Item>
          <Form.Item name="wechat" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid="pref-wechat">{t('notifications.settings.wechat')}</Checkbox>
          </Form.Item>
          {address(p.phone)}
          <Form.Item
            name="quietHours"
            valuePropName="checked"
            style={{ marginBottom: 0, marginTop: 8 }}
          >
            <Checkbox data-testid="pref-quiet">{t('notifications.settings.quietHours')}</Checkbox>
          </Form.Item>
        </Flex>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          style={{ marginTop: 16 }}
          data-testid="pref-save"
        >
          {t('notifications.settings.save')}
        </Button>
      </Form>
    </Card>
  );
}
