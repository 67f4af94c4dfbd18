import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Flex, Steps, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { importReportOf, type ImportReport, type JobAccepted } from '@jijiao/contracts';
import { fetchJob } from '../../api';
import { errorText } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { DownloadButton } from '../DownloadButton';
import { ImportJobView } from './ImportJobView';
import { isJobDone } from './job-progress';
import { ImportReportView } from './ImportReportView';
import { looksLikeXlsx, reportOutcome } from './import-issues';

const xlsxTypes = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportWorkflowProps {
  title: string;
  backTo: string;
  fetchTemplate: () => Promise<{ blob: Blob; fileName: string }>;
  /** Runs the import in the request (small imports: card stock, award rosters). */
  runImport?: (file: File, dryRun: boolean) => Promise<ImportReport>;
  /**
   * Queues the import (and its dry run) as a job instead (ADR 0024): the page shows its
   * progress, then its report; `?job=<id>` in the URL brings it back after leaving.
   */
  startJob?: (file: File, dryRun: boolean) => Promise<JobAccepted>;
  /** Settings that change what the import does (the target unit, say): a change asks for a new dry run. */
  settings?: ReactNode;
  settingsKey?: string;
  /** False while a required setting is missing. */
  ready?: boolean;
  onWritten?: () => void;
}

/**
 * Template → file → dry run → import. Importing is offered once a dry run of the same file
 * (with the same settings) passed; a file with any invalid row writes nothing either way.
 */
export function ImportWorkflow({
  title,
  backTo,
  fetchTemplate,
  runImport,
  startJob,
  settings,
  settingsKey = '',
  ready = true,
  onWritten,
}: ImportWorkflowProps) {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  // The file and settings a dry run passed for; importing anything else needs a new one.
  const [checked, setChecked] = useState<{ file: File; settingsKey: string } | null>(null);

  const [searchParams, setSearchParams] = useSearchParams();
  const jobId = startJob ? searchParams.get('job') : null;
  // The file and settings of the job this page started (none when it came back by URL).
  const startedFor = useRef<{ jobId: string; file: File; settingsKey: string } | null>(null);

  const finish = (result: ImportReport, forFile: File | null, forSettings: string) => {
    setReport(result);
    const outcome = reportOutcome(result);
    if (outcome === 'dryRunOk' && forFile !== null)
      setChecked({ file: forFile, settingsKey: forSettings });
    else setChecked(null);
    if (outcome === 'written') onWritten?.();
  };

  /** A new file or none: the job shown before belongs to another file. */
  const forgetJob = () => {
    if (jobId === null) return;
    setSearchParams(
      (params) => {
        params.delete('job');
        return params;
      },
      { replace: true },
    );
  };

  const mutation = useMutation({
    mutationFn: async ({ dryRun }: { dryRun: boolean }): Promise<ImportReport | null> => {
      if (file === null) throw new Error('no file');
      if (startJob) {
        const { jobId: started } = await startJob(file, dryRun);
        startedFor.current = { jobId: started, file, settingsKey };
        setSearchParams(
          (params) => {
            params.set('job', started);
            return params;
          },
          { replace: false },
        );
        return null;
      }
      if (!runImport) throw new Error('no import');
      return runImport(file, dryRun);
    },
    onMutate: () => {
      setReport(null);
    },
    onSuccess: (result) => {
      if (result !== null) finish(result, file, settingsKey);
    },
  });

  const job = useQuery({
    queryKey: ['import-job', jobId],
    queryFn: () => fetchJob(jobId ?? ''),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && isJobDone(q.state.data) ? false : 1000),
  });
  const jobData = job.data?.id === jobId ? job.data : undefined;
  const jobReport = jobData?.status === 'succeeded' ? importReportOf(jobData) : null;
  useEffect(() => {
    if (jobReport === null || jobData === undefined) return;
    const mine = startedFor.current?.jobId === jobData.id ? startedFor.current : null;
    finish(jobReport, mine?.file ?? null, mine?.settingsKey ?? '');
    // Once per finished job: `finish` and the rest are read as they are then.
  }, [jobData?.id, jobReport]);
  const jobRunning =
    jobId !== null && !job.isError && (jobData === undefined || !isJobDone(jobData));
  const busy = mutation.isPending || jobRunning;

  const canWrite =
    checked !== null && checked.file === file && checked.settingsKey === settingsKey && ready;
  const written = report !== null && reportOutcome(report) === 'written';
  const current = written ? 3 : canWrite ? 3 : file !== null ? 2 : 1;

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Link to={backTo}>
          <ArrowLeftOutlined /> {t('imports.back')}
        </Link>
      </Flex>
      <Steps
        current={current}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('imports.step.template') },
          { title: t('imports.step.file') },
          { title: t('imports.step.check') },
          { title: t('imports.step.write') },
        ]}
      />
      <Flex vertical gap={16}>
        <Flex vertical gap={8} align="flex-start">
          <DownloadButton
            fetchFile={fetchTemplate}
            icon={<DownloadOutlined />}
            data-testid="download-template"
          >
            {t('imports.templateButton')}
          </DownloadButton>
          <Typography.Text type="secondary">{t('imports.templateHint')}</Typography.Text>
        </Flex>
        {settings}
        <Flex vertical gap={8} align="flex-start">
          <Upload
            accept={xlsxTypes}
            maxCount={1}
            fileList={
              file === null
                ? []
                : [{ uid: 'import-file', name: file.name, status: 'done', size: file.size }]
            }
            beforeUpload={(picked) => {
              const ok = looksLikeXlsx(picked.name);
              setFileProblem(!ok);
              setFile(ok ? picked : null);
              setReport(null);
              mutation.reset();
              forgetJob();
              return false; // Kept here until the user runs the import.
            }}
            onRemove={() => {
              setFile(null);
              setReport(null);
              mutation.reset();
              forgetJob();
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="choose-file">
              {t('imports.chooseFile')}
            </Button>
          </Upload>
          <Typography.Text type={fileProblem ? 'danger' : 'secondary'}>
            {fileProblem ? t('errors.unsupported_file') : t('imports.fileHint')}
          </Typography.Text>
        </Flex>
        <Flex gap={8} wrap align="center">
          <Button
            data-testid="import-dry-run"
            disabled={file === null || !ready || (busy && mutation.variables?.dryRun === false)}
            loading={busy && mutation.variables?.dryRun !== false}
            onClick={() => {
              mutation.mutate({ dryRun: true });
            }}
          >
            {t('imports.dryRun')}
          </Button>
          <Button
            type="primary"
            data-testid="import-write"
            disabled={!canWrite || written || busy}
            loading={busy && mutation.variables?.dryRun === false}
            onClick={() => {
              mutation.mutate({ dryRun: false });
            }}
          >
            {t('imports.write')}
          </Button>
          {!canWrite && !written && (
            <Typography.Text type="secondary">{t('imports.writeHint')}</Typography.Text>
          )}
        </Flex>
        {mutation.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorText(t, mutation.error)}
            data-testid="import-error"
          />
        )}
        {job.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorText(t, job.error)}
            data-testid="import-error"
          />
        )}
        {jobData !== undefined ? (
          <ImportJobView job={jobData} />
        ) : (
          report !== null && <ImportReportView report={report} />
        )}
        {written && (
          <Link to={backTo} data-testid="import-done">
            <ArrowLeftOutlined /> {t('imports.back')}
          </Link>
        )}
      </Flex>
    </Card>
  );
}
