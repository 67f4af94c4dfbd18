import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import {
  activityTypes,
  type ActivityInput,
  type ActivityType,
  type Claim,
} from '@jijiao/contracts';
import { createClaim, isApiError, submitClaim, updateClaim } from '../../../../api';
import { errorText } from '../../../../i18n/error-message';
import { entryErrorText } from '../../entry-error';
import { useT } from '../../../../i18n/use-t';
import { activityFields, toActivity, valuesOf, type ActivityValues } from '../../activity-fields';
import { localToday } from '../claim-form-rules';
import { useDebounced } from '../use-debounced';
import { useClaimFormRules } from '../use-claim-form-rules';
import { useEvidenceDocuments } from '../use-evidence-documents';
import { useEvidenceUpload } from '../use-evidence-upload';
import { EvidenceField } from './EvidenceField';
import { FieldInput } from './FieldInput';
import { PreviewCard } from './PreviewCard';
import { PageHeader } from '../../../../components/PageHeader';
import { useFeedback } from '../../../../components/feedback';

/** The document kinds a refusal's details name as missing (`evidence_required`). */
function missingOf(details: unknown): string[] {
  if (typeof details !== 'object' || details === null || !('missing' in details)) return [];
  const { missing } = details;
  return Array.isArray(missing) ? missing.filter((m): m is string => typeof m === 'string') : [];
}

type FormValues = ActivityValues & {
  type?: ActivityType;
  date?: string;
};

/** The form of a new self-report, or of a draft or returned claim being corrected. */
export function ClaimForm({ claim }: { claim: Claim | null }) {
  const { t } = useT();
  const { message } = useFeedback();
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
  const isSelfReport = claim === null || claim.channel === 'self_report';
  const rules = useClaimFormRules(form, claim ? Number(claim.activityDate.slice(0, 4)) : undefined);
  // The documents the type asks for under the person's rules (a unit entry: the staff's).
  const asked = useEvidenceDocuments(
    type,
    values?.date ?? initial.date,
    isSelfReport ? undefined : claim.personId,
  );
  // Nothing the form would refuse is sent, not even for a preview.
  const activity = useDebounced(
    rules.hasCountProblem(type, values ?? initial)
      ? null
      : toActivity(type, values?.date ?? initial.date, values ?? initial),
    400,
  );
  const { evidence, uploadNotes, uploading, upload } = useEvidenceUpload(claim);
  const [evidenceError, setEvidenceError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: async ({ built, submit }: { built: ActivityInput; submit: boolean }) => {
      if (!claim) return createClaim({ activity: built, evidence, submit });
      const updated = await updateClaim(claim.id, { activity: built, version: claim.version });
      return submit ? submitClaim(updated.id, updated.version) : updated;
    },
    onSuccess: async (saved) => {
      message.success(
        saved.status === 'submitted' ? t('selfReport.submitted') : t('selfReport.saved'),
      );
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await queryClient.invalidateQueries({ queryKey: ['claims'] });
      void navigate(saved.status === 'submitted' ? '/' : '/credits');
    },
    onError: (error) => {
      if (isApiError(error, 'year_closed')) {
        form.setFields([{ name: 'date', errors: [entryErrorText(t, error)] }]);
        return;
      }
      if (isApiError(error, 'evidence_required')) {
        const missing = missingOf(error.details);
        setEvidenceError(
          missing.length > 0 ? rules.missingDocumentsText(missing) : t('errors.evidence_required'),
        );
        return;
      }
      if (!rules.applyServerIssues(error, type)) setFormError(errorText(t, error));
    },
  });

  /** Checks everything here first: a problem found in the browser never reaches the server. */
  const run = (submit: boolean) => {
    setFormError(null);
    const missing = submit ? rules.evidenceProblem(asked, evidence) : null;
    setEvidenceError(missing);
    form
      .validateFields()
      .then(() => {
        const built = toActivity(type, values?.date, values ?? {});
        if (!built) {
          setFormError(t('selfReportForm.fixFields'));
          return;
        }
        if (!missing) save.mutate({ built, submit });
      })
      .catch(() => undefined);
  };

  const returnReason = claim?.history.filter((h) => h.action === 'return').at(-1)?.reason;
  // The card below names the form; a correction's header links back to 申报记录.
  return (
    <>
      <PageHeader titleBelow />
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
                  {
                    required: true,
                    message: t('form.required', { field: t('credits.field.date') }),
                  },
                  rules.dateRule,
                ]}
              >
                <Input type="date" max={localToday()} data-testid="activity-date" />
              </Form.Item>
              {type &&
                activityFields[type].map((field) => (
                  <Form.Item
                    key={`${type}-${field.name}`}
                    name={field.name}
                    label={rules.labelOf(field.name)}
                    valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
                    rules={[
                      ...(field.required
                        ? [
                            {
                              required: true,
                              message: t(
                                field.kind === 'select' || field.kind === 'province'
                                  ? 'form.select'
                                  : 'form.required',
                                {
                                  field: rules.labelOf(field.name),
                                },
                              ),
                            },
                          ]
                        : []),
                      rules.fieldRule(field),
                    ]}
                  >
                    <FieldInput field={field} />
                  </Form.Item>
                ))}
              <EvidenceField
                asked={asked}
                evidence={evidence}
                uploadNotes={uploadNotes}
                uploading={uploading}
                onUpload={upload}
                error={
                  // Cleared once the documents named are all attached.
                  asked !== undefined && rules.evidenceProblem(asked, evidence) === null
                    ? null
                    : evidenceError
                }
              />
              {formError !== null && (
                <Alert
                  type="error"
                  showIcon
                  title={formError}
                  style={{ marginBottom: 16 }}
                  data-testid="claim-form-error"
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
    </>
  );
}
