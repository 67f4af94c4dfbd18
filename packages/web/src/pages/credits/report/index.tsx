import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import {
  activityTypes,
  type ActivityInput,
  type ActivityType,
  type Claim,
  type EvidenceRef,
} from '@jijiao/contracts';
import {
  attachEvidence,
  createClaim,
  fetchClaim,
  isApiError,
  previewCredit,
  submitClaim,
  updateClaim,
  uploadEvidence,
} from '../../../api';
import { PageError, PageLoading } from '../../../components/PageState';
import { ReasonList } from '../../../components/year/credit-tags';
import { errorMessageKey } from '../../../i18n/error-message';
import { useT, type Translate } from '../../../i18n/use-t';
import type { MessageKey } from '../../../i18n/message-key';
import {
  activityFields,
  toActivity,
  valuesOf,
  type ActivityField,
  type ActivityValues,
} from '../activity-fields';

type FormValues = ActivityValues & {
  type?: ActivityType;
  date?: string;
};

/** Waits until the value has been still for `ms` (the live preview). */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [value, ms]);
  return settled;
}

/** What an upload failure says, in words: the server's own message for the file when it has one. */
export function uploadProblem(t: Translate, error: unknown): string {
  if (isApiError(error, 'file_too_large')) return t('selfReport.tooLarge');
  if (isApiError(error) && error.issues[0]) return error.issues[0].message;
  return t(errorMessageKey(error));
}

function optionKey(field: ActivityField['name'], value: string): MessageKey {
  return `credits.option.${field as 'level' | 'role' | 'journal'}.${value}` as MessageKey;
}

/** The control of one field; Form.Item's id, value and onChange pass through. */
function FieldInput({ field, ...control }: { field: ActivityField } & Record<string, unknown>) {
  const { t } = useT();
  switch (field.kind) {
    case 'select':
      return (
        <Select
          {...control}
          options={(field.options ?? []).map((v) => ({
            value: v,
            label: t(optionKey(field.name, v)),
          }))}
        />
      );
    case 'integer':
      return <InputNumber {...control} min={1} precision={0} style={{ width: '100%' }} />;
    case 'number':
      return <InputNumber {...control} min={0} step={0.5} style={{ width: '100%' }} />;
    case 'date':
      return <Input {...control} type="date" />;
    case 'boolean':
      return <Checkbox {...control} />;
    case 'text':
      return <Input {...control} maxLength={100} />;
  }
}

function PreviewCard({ activity }: { activity: ActivityInput | null }) {
  const { t } = useT();
  const preview = useQuery({
    queryKey: ['credit-preview', activity],
    queryFn: () => previewCredit(activity as ActivityInput),
    enabled: activity !== null,
    retry: false,
  });
  return (
    <Card title={t('selfReport.previewTitle')} data-testid="credit-preview">
      {activity === null ? (
        <Typography.Text type="secondary">{t('selfReport.previewNone')}</Typography.Text>
      ) : preview.isError ? (
        <Alert
          type="warning"
          showIcon
          title={
            isApiError(preview.error) && preview.error.issues[0]
              ? `${preview.error.issues[0].path}: ${preview.error.issues[0].message}`
              : t(errorMessageKey(preview.error))
          }
        />
      ) : preview.data ? (
        <Space orientation="vertical">
          <Statistic
            value={preview.data.credits}
            suffix={t('credits.columns.credits')}
            data-testid="preview-credits"
          />
          <Typography.Text>
            {t('selfReport.previewYear', { year: preview.data.year })}
          </Typography.Text>
          {preview.data.class && (
            <Typography.Text>
              {t('credits.classTag', { class: preview.data.class })}
            </Typography.Text>
          )}
          {preview.data.reasons.length > 0 && <ReasonList reasons={preview.data.reasons} />}
          <Typography.Text type="secondary">
            {t('selfReport.previewPacks', {
              packs: preview.data.packs.map((p) => `${p.id} ${p.version}`).join('、'),
            })}
          </Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      )}
    </Card>
  );
}

/** The form of a new self-report, or of a draft or returned claim being corrected. */
function ClaimForm({ claim }: { claim: Claim | null }) {
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
  const [evidence, setEvidence] = useState<EvidenceRef[]>(
    claim ? claim.evidence.map((e) => ({ sha256: e.sha256, fileName: e.fileName })) : [],
  );
  const [uploadNotes, setUploadNotes] = useState<{ ok: boolean; text: string }[]>([]);
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const stored = claim
        ? await attachEvidence(claim.id, file, file.name)
        : await uploadEvidence(file, file.name);
      setEvidence((list) =>
        list.some((e) => e.sha256 === stored.sha256)
          ? list
          : [...list, { sha256: stored.sha256, fileName: stored.fileName }],
      );
      setUploadNotes((notes) => [
        ...notes,
        stored.declaredTypeMismatch
          ? {
              ok: true,
              text: t('selfReport.storedAs', { name: file.name, type: stored.contentType }),
            }
          : { ok: true, text: t('selfReport.uploaded', { name: file.name }) },
      ]);
    } catch (error) {
      setUploadNotes((notes) => [
        ...notes,
        {
          ok: false,
          text: t('selfReport.uploadFailed', { name: file.name, message: uploadProblem(t, error) }),
        },
      ]);
    } finally {
      setUploading(false);
    }
  };

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
            <Form.Item label={t('selfReport.evidence')} extra={t('selfReport.evidenceHint')}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Upload
                  accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
                  multiple
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                >
                  <Button
                    icon={<UploadOutlined />}
                    loading={uploading}
                    data-testid="evidence-upload"
                  >
                    {t('selfReport.upload')}
                  </Button>
                </Upload>
                {evidence.length > 0 && (
                  <Typography.Text data-testid="evidence-list">
                    {t('selfReport.attached')}：{evidence.map((e) => e.fileName).join('、')}
                  </Typography.Text>
                )}
                {uploadNotes.map((note, i) => (
                  <Alert
                    key={i}
                    type={note.ok ? 'success' : 'error'}
                    showIcon
                    title={note.text}
                    data-testid={note.ok ? 'upload-ok' : 'upload-rejected'}
                  />
                ))}
              </Space>
            </Form.Item>
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

/** 学分申报: a new self-report. */
export function SelfReportPage() {
  return <ClaimForm claim={null} />;
}

/** Correcting a draft or a returned claim (and resubmitting it). */
export function CorrectClaimPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const claim = useQuery({ queryKey: ['claims', id], queryFn: () => fetchClaim(id) });
  if (claim.isError) return <PageError error={claim.error} onRetry={() => void claim.refetch()} />;
  if (!claim.data) return <PageLoading />;
  if (!claim.data.canEdit)
    return <Alert type="info" showIcon title={t('selfReport.notEditable')} />;
  return <ClaimForm key={claim.data.id} claim={claim.data} />;
}
