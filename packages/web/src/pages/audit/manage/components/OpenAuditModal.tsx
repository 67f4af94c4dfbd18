import { Form, Input, InputNumber, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { openAudit } from '../../../../api';
import { FormError } from '../../../../components/FormError';
import { useT } from '../../../../i18n/use-t';

/** Opens a year's audit for the province, with optional report and early deadlines. */
export function OpenAuditModal({
  open,
  provinceId,
  onClose,
  onOpened,
}: {
  open: boolean;
  provinceId: string;
  onClose: () => void;
  onOpened: (id: string, year: number) => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<{ year: number; reportDeadline?: string; earlyDeadline?: string }>();
  const mutation = useMutation({
    mutationFn: (v: { year: number; reportDeadline?: string; earlyDeadline?: string }) =>
      openAudit({
        provinceId,
        year: v.year,
        reportDeadline: v.reportDeadline || undefined,
        earlyDeadline: v.earlyDeadline || undefined,
      }),
    onSuccess: (audit) => {
      onOpened(audit.id, audit.year);
    },
  });
  return (
    <Modal
      open={open}
      title={t('audit.openTitle')}
      okText={t('audit.open')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormError error={mutation.error} placed={false} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear() - 1 }}
        onFinish={(v) => {
          mutation.mutate(v);
        }}
      >
        <Form.Item
          name="year"
          label={t('audit.year')}
          rules={[{ required: true, message: t('form.required', { field: t('audit.year') }) }]}
        >
          <InputNumber min={1990} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reportDeadline" label={t('audit.reportDeadline')}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="earlyDeadline" label={t('audit.earlyDeadline')}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
