import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Flex, Steps, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ImportReport } from '@jijiao/contracts';
import { errorMessageKey } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { DownloadButton } from '../DownloadButton';
import { ImportReportView } from './ImportReportView';
import { looksLikeXlsx, reportOutcome } from './import-issues';

const xlsxTypes = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportWorkflowProps {
  title: string;
  backTo: string;
  fetchTemplate: () => Promise<{ blob: Blob; fileName: string }>;
  runImport: (file: File, dryRun: boolean) => Promise<ImportReport>;
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

  const mutation = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      if (file === null) throw new Error('no file');
      return runImport(file, dryRun);
    },
    onMutate: () => {
      setReport(null);
    },
    onSuccess: (result) => {
      setReport(result);
      const outcome = reportOutcome(result);
      if (outcome === 'dryRunOk' && file !== null) setChecked({ file, settingsKey });
      else setChecked(null);
      if (outcome === 'written') onWritten?.();
    },
  });

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
              return false; // Kept here until the user runs the import.
            }}
            onRemove={() => {
              setFile(null);
              setReport(null);
              mutation.reset();
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
            disabled={file === null || !ready}
            loading={mutation.isPending && mutation.variables.dryRun}
            onClick={() => {
              mutation.mutate({ dryRun: true });
            }}
          >
            {t('imports.dryRun')}
          </Button>
          <Button
            type="primary"
            data-testid="import-write"
            disabled={!canWrite || written}
            loading={mutation.isPending && !mutation.variables.dryRun}
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
            title={t(errorMessageKey(mutation.error))}
            data-testid="import-error"
          />
        )}
        {report !== null && <ImportReportView report={report} />}
        {written && (
          <Link to={backTo} data-testid="import-done">
            <ArrowLeftOutlined /> {t('imports.back')}
          </Link>
        )}
      </Flex>
    </Card>
  );
}
