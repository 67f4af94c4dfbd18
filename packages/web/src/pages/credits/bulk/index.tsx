import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import { useMutation } from '@tanstack/react-query';
import {
  projectLevels,
  type ActivityInput,
  type CreditPreview,
  type EvidenceDocumentKind,
  type EvidenceRef,
} from '@jijiao/contracts';
import { bulkEnterCredits, isApiError, previewCredits, uploadEvidence } from '../../../api';
import { issueMessage } from '../../../forms/server-issues';
import { errorText } from '../../../i18n/error-message';
import { entryErrorText } from '../entry-error';
import { useT, type Translate } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { bulkActivityTypes, toActivity, type BulkActivityValues } from './bulk-activity';
import { bulkFieldOf, bulkFormRules, isFutureDay } from './bulk-form-rules';
import { StaffPicker, type PickedPerson } from './components/StaffPicker';
import { packsText } from '../../../i18n/pack-label';
import { PageHeader } from '../../../components/PageHeader';
import { labelOf } from '../../../i18n/vocabulary';
import { missingDocumentsOf } from '../report/claim-form-rules';
import { EvidenceField } from '../report/components/EvidenceField';
import { useEvidenceDocuments } from '../report/use-evidence-documents';
import { useFeedback } from '../../../components/feedback';

/** `请上传：…` for the document kinds missing, by name. */
function missingText(t: Translate, kinds: readonly string[]): string {
  return t('evidenceDocuments.missing', {
    kinds: kinds.map((k) => labelOf(t, 'evidenceDocumentKind', k)).join('、'),
  });
}

/**
 * 批量录入: a unit admin enters one activity for many staff of the unit, with shared
 * evidence, previews the credits the rules give, and submits (all or nothing).
 */
export function BulkEntryPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const { grant } = useSession();
  const unitId = grant.orgId;
  const [form] = Form.useForm<
    BulkActivityValues & { dateValue?: { format: (f: string) => string } }
  >();
  const type = Form.useWatch('type', form);
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const [evidence, setEvidence] = useState<EvidenceRef[]>([]);
  const [submitNow, setSubmitNow] = useState(true);
  const [preview, setPreview] = useState<CreditPreview | null>(null);
  const [evidenceError, setEvidenceError] = useState<string | null>(null);
  const rules = bulkFormRules(t);
  const dateValue = Form.useWatch('dateValue', form);
  // The documents the type asks for, under the rules of the first staff member picked.
  const asked = useEvidenceDocuments(
    type,
    dateValue?.format('YYYY-MM-DD'),
    people[0]?.id,
    people.length > 0,
  );
  /** Puts the server's field issues beside their fields; true when none is left over. */
  const showIssues = (error: unknown): boolean => {
    if (isApiError(error, 'year_closed')) {
      form.setFields([{ name: 'dateValue', errors: [entryErrorText(t, error)] }]);
      return true;
    }
    if (!isApiError(error) || error.issues.length === 0) return false;
    const placed = error.issues.flatMap((issue) => {
      const name = bulkFieldOf(issue.path);
      return name
        ? [
            {
              name,
              errors: [
                issueMessage(
                  issue.message,
                  t('form.invalidField', { field: t('selfReportForm.activity') }),
                ),
              ],
            },
          ]
        : [];
    });
    form.setFields(placed as Parameters<typeof form.setFields>[0]);
    return placed.length === error.issues.length;
  };

  const activity = () => {
    const values = form.getFieldsValue();
    return toActivity({
      ...values,
      ...(values.dateValue ? { date: values.dateValue.format('YYYY-MM-DD') } : {}),
    });
  };
  const upload = useMutation({
    mutationFn: ({ file }: { file: File; kind: EvidenceDocumentKind | undefined }) =>
      uploadEvidence(file, file.name),
    onSuccess: (stored, { kind }) => {
      setEvidence((list) => [
        ...list,
        { sha256: stored.sha256, fileName: stored.fileName, ...(kind ? { kind } : {}) },
      ]);
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  const valuation = useMutation({
    mutationFn: ({ a, personId }: { a: ActivityInput; personId: string }) =>
      previewCredits(a, personId),
    onMutate: () => {
      setPreview(null);
    },
    onSuccess: setPreview,
  });
  const enter = useMutation({
    mutationFn: (a: ActivityInput) =>
      bulkEnterCredits(unitId, {
        activity: a,
        personIds: people.map((p) => p.id),
        evidence,
        submit: submitNow,
      }),
    onSuccess: (result) => {
      const matched = result.items.filter((i) => i.matched).length;
      message.success(
        [
          t('bulkEntry.done', { count: result.items.length }),
          ...(matched > 0 ? [t('bulkEntry.matchedCount', { count: matched })] : []),
        ].join('；'),
      );
      setPeople([]);
      setEvidence([]);
      setPreview(null);
    },
  });

  const failure = enter.error ?? valuation.error;
  const failureShownBeside =
    failure !== null &&
    (isApiError(failure, 'year_closed') ||
      (isApiError(failure, 'validation_failed') &&
        failure.issues.length > 0 &&
        failure.issues.every((i) => bulkFieldOf(i.path) !== null)));
  return (
    <Card>
      <PageHeader title={t('bulkEntry.title')} />
      <Typography.Text type="secondary">{grant.orgName}</Typography.Text>
      <Divider titlePlacement="start">{t('bulkEntry.staff')}</Divider>
      <StaffPicker unitId={unitId} value={people} onChange={setPeople} />
      <Divider titlePlacement="start">{t('bulkEntry.activity')}</Divider>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          type: 'unit_lecture',
          sessionRole: 'participant',
          projectRole: 'attendee',
          level: 'unit',
        }}
        onValuesChange={() => {
          setPreview(null);
        }}
        style={{ maxWidth: 560 }}
      >
        <Form.Item name="type" label={t('bulkEntry.type')}>
          <Select
            options={bulkActivityTypes.map((v) => ({ value: v, label: t(`bulkEntry.types.${v}`) }))}
            data-testid="bulk-type"
          />
        </Form.Item>
        <Form.Item name="dateValue" label={t('bulkEntry.date')} rules={rules.date}>
          <DatePicker data-testid="bulk-date" disabledDate={isFutureDay} />
        </Form.Item>
        {(type === 'unit_lecture' || type === 'case_discussion') && (
          <>
            <Form.Item name="sessionRole" label={t('bulkEntry.role')}>
              <Select
                options={(['participant', 'speaker'] as const).map((v) => ({
                  value: v,
                  label: t(`bulkEntry.sessionRole.${v}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="times" label={t('bulkEntry.times')} rules={rules.times}>
              <InputNumber data-testid="bulk-times" />
            </Form.Item>
          </>
        )}
        {(type === 'online_course' || type === 'project') && (
          <Form.Item name="hours" label={t('bulkEntry.hours')} rules={rules.hours}>
            <InputNumber step={0.5} />
          </Form.Item>
        )}
        {type === 'project' && (
          <>
            <Form.Item name="level" label={t('bulkEntry.level')}>
              <Select
                options={projectLevels.map((v) => ({ value: v, label: t(`projectLevel.${v}`) }))}
              />
            </Form.Item>
            <Form.Item name="projectRole" label={t('bulkEntry.role')}>
              <Select
                options={(['attendee', 'speaker'] as const).map((v) => ({
                  value: v,
                  label: t(`awards.role.${v}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="projectNumber" label={t('bulkEntry.projectNumber')}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item
              name="awardedCredits"
              label={t('bulkEntry.awardedCredits')}
              rules={rules.awardedCredits}
            >
              <InputNumber step={0.5} />
            </Form.Item>
          </>
        )}
        {type === 'residency' && (
          <>
            <Form.Item
              name="trainingYear"
              label={t('credits.field.trainingYear')}
              rules={rules.trainingYear}
            >
              <InputNumber data-testid="bulk-training-year" />
            </Form.Item>
            <Form.Item
              name="totalYears"
              label={t('credits.field.totalYears')}
              rules={rules.totalYears}
            >
              <InputNumber data-testid="bulk-total-years" />
            </Form.Item>
            <Form.Item name="assessmentPassed" valuePropName="checked">
              <Checkbox data-testid="bulk-assessment-passed">
                {t('credits.field.assessmentPassed')}
              </Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
      <Divider titlePlacement="start">{t('bulkEntry.evidence')}</Divider>
      <Flex vertical gap={8} align="flex-start" style={{ maxWidth: 560 }}>
        <Typography.Text type="secondary">{t('bulkEntry.evidenceHint')}</Typography.Text>
        <EvidenceField
          asked={asked}
          evidence={evidence}
          uploadNotes={[]}
          uploading={upload.isPending}
          onUpload={async (file, kind) => {
            await upload.mutateAsync({ file, kind }).catch(() => undefined);
          }}
          error={
            asked !== undefined && missingDocumentsOf(asked, evidence).length === 0
              ? null
              : evidenceError
          }
        />
      </Flex>
      <Divider />
      <Flex vertical gap={12} align="flex-start">
        <Button
          disabled={people.length === 0}
          loading={valuation.isPending}
          onClick={() => {
            void form
              .validateFields()
              .then(() => {
                const a = activity();
                const first = people[0];
                if (a && first)
                  valuation.mutate({ a, personId: first.id }, { onError: showIssues });
              })
              .catch(() => undefined);
          }}
          data-testid="bulk-preview"
        >
          {t('bulkEntry.preview')}
        </Button>
        {preview && (
          <Alert
            type="info"
            data-testid="bulk-preview-result"
            title={t('bulkEntry.previewResult', {
              credits: preview.credits,
              creditClass: preview.class ?? t('bulkEntry.noClass'),
              packs: packsText(t, preview.packs),
            })}
          />
        )}
        <Checkbox
          checked={submitNow}
          onChange={(e) => {
            setSubmitNow(e.target.checked);
          }}
        >
          {t('bulkEntry.submitNow')}
        </Checkbox>
        {people.length === 0 && (
          <Typography.Text type="secondary">{t('bulkEntry.needPeople')}</Typography.Text>
        )}
        {failure && !failureShownBeside && !isApiError(failure, 'evidence_required') && (
          <Alert type="error" title={errorText(t, failure)} />
        )}
        <Button
          type="primary"
          disabled={people.length === 0}
          loading={enter.isPending}
          onClick={() => {
            void form
              .validateFields()
              .then(() => {
                const a = activity();
                const missing = submitNow ? missingDocumentsOf(asked ?? [], evidence) : [];
                setEvidenceError(missing.length > 0 ? missingText(t, missing) : null);
                if (a && missing.length === 0)
                  enter.mutate(a, {
                    onError: (error) => {
                      if (isApiError(error, 'evidence_required')) {
                        const named = error.details.missing;
                        setEvidenceError(
                          Array.isArray(named)
                            ? missingText(t, named.map(String))
                            : t('errors.evidence_required'),
                        );
                        return;
                      }
                      showIssues(error);
                    },
                  });
              })
              .catch(() => undefined);
          }}
          data-testid="bulk-submit"
        >
          {t('bulkEntry.submit')}
        </Button>
      </Flex>
    </Card>
  );
}
