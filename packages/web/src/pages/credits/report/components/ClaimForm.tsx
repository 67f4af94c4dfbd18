import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { activityTypes, type ActivityType, type Claim } from '@jijiao/contracts';
import { createClaim, isApiError, submitClaim, updateClaim } from '../../../../api';
import { errorMessageKey } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';
import { activityFields, toActivity, valuesOf, type ActivityValues } from '../../activity-fields';
import { useDebounced } from '../use-debounced';
import { useEvidenceUpload } from '../use-evidence-upload';
import { EvidenceField } from './EvidenceField';
import { FieldInput } from './FieldInput';
import { PreviewCard } from './PreviewCard';

type FormValues = ActivityValues & {
  type?: ActivityType;
  date?: string;
};

/** The form of a new self-report, or of a draft or returned claim being corrected. */
export function ClaimForm({ claim }: { claim: Claim | null }) {
  const { t } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const initial: FormValues = claim
    ? {
        type: claim.activityType,
        date: claim.activityDate,
        ...valuesOf(claim.activity),
      }
    : {};
  const values = Form.useWatch([], form) as FormValues | undefined;
  const type = values?.type ?? initial.type;
  const activity = useDebounced(
    toActivity(type, values?.date ?? initial.date, values ?? initial),
    400,
  );
  const { evidence, uploadNotes, uploading, upload } = useEvidenceUpload(claim);

  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      const built = toActivity(type, values?.date, values ?? {});
      if (!built) throw new Error('incomplete');
      if (!claim) return createClaim({ activity: built, evidence, submit });
      const updated = await updateClaim(claim.id, { activity: built, version: claim.version });
      return submit ? submitClaim(updated.id, updated.version) : updated;
    },
    onSuccess: async (saved) => {
      void message.success(
        saved.status === 'submitted' ? t('selfReport.submitted') : t('selfReport.saved'),
      );
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await queryClient.invalidateQueries({ queryKey: ['claims'] });
      void navigate(saved.status === 'submitted' ? '/' : '/credits');
    },
    onError: (error) => {
      if (isApiError(error)) {
        form.setFields(
          error.issues
            .filter((i) => i.path.startsWith('activity.'))
            .map((i) => ({ name: i.path.slice('activity.'.length), errors: [i.message] })),
        );
      }
    },
  });

  const run = (submit: boolean) => {
    form
      .validateFields()
      .then(() => {
        save.mutate(submit);
      })
      .catch(() => undefined);
  };

  const returnReason = claim?.history.filter((h) => h.action === 'return').at(-1)?.reason;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Card title={claim ? t('selfReport.editTitle') : t('selfReport.title')}>
          {claim?.status === 'returned' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="returned-reason"
              title={t('selfReport.returnedAlert', { reason: returnReason ?? '—' })}
            />
          )}
          <Form<FormValues> form={form} layout="vertical" initialValues={initial}>
            <Form.Item
              name="type"
              label={t('credits.field.type')}
              rules={[
                { required: true, message: t('form.select', { field: t('credits.field.type') }) },
              ]}
            >
              <Select
                data-testid="activity-type"
                disabled={claim !== null}
                options={activityTypes.map((v) => ({ value: v, label: t(`credits.type.${v}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="date"
              label={t('credits.field.date')}
              rules={[
                { required: true, message: t('form.required', { field: t('credits.field.date') }) },
              ]}
            >
              <Input type="date" data-testid="activity-date" />
            </Form.Item>
            {type &&
              activityFields[type].map((field) => (
                <Form.Item
                  key={`${type}-${field.name}`}
                  name={field.name}
                  label={t(`credits.field.${field.name}`)}
                  valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
                  rules={
                    field.required
                      ? [
                          {
                            required: true,
                            message: t('form.required', {
                              field: t(`credits.field.${field.name}`),
                            }),
                          },
                        ]
                      : []
                  }
                >
                  <FieldInput field={field} />
                </Form.Item>
              ))}
            <EvidenceField
              evidence={evidence}
              uploadNotes={uploadNotes}
              uploading={uploading}
              onUpload={upload}
            />
            {save.isError && !isApiError(save.error, 'validation_failed') && (
              <Alert
                type="error"
                showIcon
                title={t(errorMessageKey(save.error))}
                style={{ marginBottom: 16 }}
              />
            )}
            <Space>
              <Button
                onClick={() => {
                  run(false);
                }}
                loading={save.isPending}
                data-testid="save-draft"
              >
                {t('selfReport.saveDraft')}
              </Button>
              <Button
                type="primary"
                onClick={() => {
                  run(true);
                }}
                loading={save.isPending}
                data-testid="submit-claim"
              >
                {t('selfReport.submit')}
              </Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <PreviewCard activity={activity} />
      </Col>
    </Row>
  );
}
