import { Alert, Flex, Progress, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { importReportOf, type Job } from '@jijiao/contracts';
import { downloadJobReport } from '../../api';
import { useT } from '../../i18n/use-t';
import { DownloadButton } from '../DownloadButton';
import { ImportReportView } from './ImportReportView';
import { jobPercent, jobProgressText } from './job-progress';

/** An import job: a progress bar while it runs, then its report with a download. */
export function ImportJobView({ job }: { job: Job }) {
  const { t } = useT();
  if (job.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('jobs.failed')}
        description={t(job.error ? `errors.${job.error.code}` : 'errors.internal')}
        data-testid="import-job-failed"
      />
    );
  }
  const report = job.status === 'succeeded' ? importReportOf(job) : null;
  if (report !== null) {
    return (
      <Flex vertical gap={12} align="stretch">
        <ImportReportView report={report} />
        <div>
          <DownloadButton
            fetchFile={() => downloadJobReport(job.id)}
            icon={<DownloadOutlined />}
            data-testid="download-report"
          >
            {t('jobs.downloadReport')}
          </DownloadButton>
        </div>
      </Flex>
    );
  }
  const text = jobProgressText(t, job);
  const percent = jobPercent(job.progress);
  return (
    <Flex vertical gap={4} data-testid="import-progress" data-status={job.status}>
      <Progress percent={percent} status="active" />
      <Typography.Text>{text}</Typography.Text>
      <Typography.Text type="secondary">{t('jobs.leaveHint')}</Typography.Text>
    </Flex>
  );
}
