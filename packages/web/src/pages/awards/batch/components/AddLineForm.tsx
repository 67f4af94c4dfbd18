import { Button, Form, InputNumber, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AwardLineCreate, AwardRole } from '@jijiao/contracts';
import { addAwardLine } from '../../../../api';
import { errorText } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';
import { PersonSearchSelect } from '../../components/PersonSearchSelect';
import { useFeedback } from '../../../../components/feedback';

interface Values {
  personId?: string;
  role: AwardRole;
  hours?: number | null;
  awardedCredits?: number | null;
}

/** 添加人员: one line by hand; hours and credits default from the project. */
export function AddLineForm({ batchId, projectId }: { batchId: string; projectId: string }) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const add = useMutation({
    mutationFn: (body: AwardLineCreate) => addAwardLine(batchId, body),
    onSuccess: (batch) => {
      queryClient.setQueryData(['award-batch', batchId], batch);
      message.success(t('awards.added'));
      form.resetFields(['personId', 'hours', 'awardedCredits']);
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  return (
    <Form<Values>
      form={form}
      layout="inline"
      initialValues={{ role: 'attendee' }}
      onFinish={(values) => {
        if (!values.personId) return;
        add.mutate({
          personId: values.personId,
          role: values.role,
          ...(values.hours ? { hours: values.hours } : {}),
          ...(values.awardedCredits != null ? { awardedCredits: values.awardedCredits } : {}),
        });
      }}
      style={{ rowGap: 8 }}
    >
      <Form.Item
        name="personId"
        label={t('awards.person')}
        rules={[{ required: true, message: t('form.select', { field: t('awards.person') }) }]}
      >
        <PersonSearchSelect projectId={projectId} placeholder={t('awards.personPlaceholder')} />
      </Form.Item>
      <Form.Item name="role" label={t('awards.col.role')}>
        <Select
          style={{ width: 110 }}
          options={(['attendee', 'speaker'] as const).map((r) => ({
            value: r,
            label: t(`awards.role.${r}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="hours" label={t('awards.col.hours')}>
        <InputNumber min={0.5} step={0.5} placeholder={t('awards.defaultFromProject')} />
      </Form.Item>
      <Form.Item name="awardedCredits" label={t('awards.col.awardedCredits')}>
        <InputNumber min={0} step={0.5} placeholder={t('awards.defaultFromProject')} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="add-line">
          {t('awards.add')}
        </Button>
      </Form.Item>
    </Form>
  );
}
