import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Project } from '@jijiao/contracts';
import { cancelProject, finishProject } from '../../../../api';
import { FormError } from '../../../../components/FormError';
import { useT } from '../../../../i18n/use-t';
import { useFeedback } from '../../../../components/feedback';

export type ProjectAction = { kind: 'finish' | 'cancel'; project: Project } | null;

/** 结项 (attendee count and an execution note) or 撤销 (with a reason). */
export function ProjectActionModal({
  action,
  onClose,
}: {
  action: ProjectAction;
  onClose: () => void;
}) {
  if (action === null) return null;
  return (
    <OpenActionModal key={`${action.kind}-${action.project.id}`} {...action} onClose={onClose} />
  );
}

function OpenActionModal({
  kind,
  project,
  onClose,
}: {
  kind: 'finish' | 'cancel';
  project: Project;
  onClose: () => void;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ attendeeCount?: number; note?: string; reason?: string }>();
  const mutation = useMutation({
    mutationFn: (values: { attendeeCount?: number; note?: string; reason?: string }) =>
      kind === 'finish'
        ? finishProject(project.id, {
            attendeeCount: values.attendeeCount ?? 0,
            note: values.note?.trim() ? values.note.trim() : undefined,
          })
        : cancelProject(project.id, { reason: values.reason?.trim() ?? '' }),
    onSuccess: () => {
      message.success(kind === 'finish' ? t('projects.finished') : t('projects.cancelled'));
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      onClose();
    },
  });
  const reasonLabel = t('projects.cancelReason');
  return (
    <Modal
      open
      title={
        kind === 'finish'
          ? t('projects.finishTitle', { name: project.name })
          : t('projects.cancelTitle', { name: project.name })
      }
      okText={kind === 'finish' ? t('projects.finish') : t('projects.cancel')}
      okButtonProps={{ danger: kind === 'cancel' }}
      cancelText={t('common.cancel')}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      {kind === 'finish' && (
        <Typography.Paragraph type="secondary">{t('projects.finishHint')}</Typography.Paragraph>
      )}
      <FormError error={mutation.error} placed={false} />
      <Form
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        onFinish={(values) => {
          mutation.mutate(values);
        }}
      >
        {kind === 'finish' ? (
          <>
            <Form.Item
              name="attendeeCount"
              label={t('projects.attendeeCount')}
              rules={[
                {
                  required: true,
                  message: t('form.required', { field: t('projects.attendeeCount') }),
                },
              ]}
            >
              <InputNumber<number> min={0} max={1_000_000} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="note" label={t('projects.finishNote')}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="reason"
            label={reasonLabel}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('form.required', { field: reasonLabel }),
              },
              { min: 2, message: t('form.tooShort', { field: reasonLabel, min: 2 }) },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
