import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { FilePdfOutlined, FileZipOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { certificatePdfsResultOf } from '@jijiao/contracts';
import { downloadUnitCertificates, fetchJob, startCertificatePdfJob } from '../../../api';
import { DownloadButton } from '../../../components/DownloadButton';
import { useFeedback } from '../../../components/feedback';
import { isJobDone } from '../../../components/import/job-progress';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';

/**
 * The register's PDF actions for a year: a unit's certificates as one zip (for its unit
 * officer, or an admin above who picked the unit), and, for those who manage certificates,
 * the job that stores every PDF of their subtree, with its progress.
 */
export function CertificatePdfActions({
  unitId,
  year,
  canIssue,
}: {
  unitId: string | undefined;
  year: number;
  canIssue: boolean;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => fetchJob(jobId ?? ''),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && isJobDone(q.state.data) ? false : 1000),
  });
  const start = useMutation({
    mutationFn: () => startCertificatePdfJob(year),
    onSuccess: (accepted) => {
      setJobId(accepted.jobId);
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  const progress = job.data?.progress;
  const status = job.data?.status;
  const result = job.data ? certificatePdfsResultOf(job.data) : null;
  return (
    <Space wrap>
      {unitId !== undefined && (
        <DownloadButton
          icon={<FileZipOutlined />}
          data-testid="download-unit-certificates"
          fetchFile={() => downloadUnitCertificates(unitId, year)}
        >
          {t('certRegister.unitZip', { year })}
        </DownloadButton>
      )}
      {canIssue && (
        <Button
          icon={<FilePdfOutlined />}
          loading={
            start.isPending || (jobId !== null && status !== undefined && !isJobDone({ status }))
          }
          data-testid="issue-certificate-pdfs"
          onClick={() => {
            start.mutate();
          }}
        >
          {t('certRegister.issuePdfs', { year })}
        </Button>
      )}
      {progress && status && (
        <Typography.Text type="secondary" data-testid="pdf-job-progress">
          {status === 'succeeded'
            ? t('certRegister.pdfsDone', {
                total: result?.total ?? progress.total ?? progress.done,
                stored: result?.stored ?? 0,
                alreadyStored: result?.alreadyStored ?? 0,
              })
            : status === 'failed'
              ? t(job.data?.error ? `errors.${job.data.error.code}` : 'certRegister.pdfsFailed')
              : t('certRegister.pdfsProgress', { done: progress.done, total: progress.total ?? 0 })}
        </Typography.Text>
      )}
      {result && result.tampered.length > 0 && (
        <Typography.Text type="danger" data-testid="pdf-job-tampered">
          {t('certRegister.pdfsTampered', {
            count: result.tampered.length,
            serials: result.tampered.slice(0, 5).join('、'),
          })}
        </Typography.Text>
      )}
    </Space>
  );
}
