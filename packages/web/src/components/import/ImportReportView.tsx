import { Alert, Flex, Table, Tag, type TableColumnsType } from 'antd';
import type { ImportIssue, ImportReport } from '@jijiao/contracts';
import { useT } from '../../i18n/use-t';
import { issueText, reportOutcome, sortIssues } from './import-issues';

/** What an import (or its dry run) found: counts, and every problem by row and column. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useT();
  const outcome = reportOutcome(report);
  const issues = sortIssues(report.issues).map((issue, key) => ({ ...issue, key }));
  const columns: TableColumnsType<ImportIssue & { key: number }> = [
    { title: t('imports.issueRow'), dataIndex: 'row', width: 90 },
    { title: t('imports.issueColumn'), dataIndex: 'column', width: 160 },
    {
      title: t('imports.issueMessage'),
      key: 'text',
      render: (_value: unknown, issue) => issueText(t, issue),
    },
  ];
  const title =
    outcome === 'invalid'
      ? t('imports.reportTitle.invalid', { count: report.issues.length })
      : t(`imports.reportTitle.${outcome}`);
  return (
    <Flex vertical gap={16} data-testid="import-report" data-outcome={outcome}>
      <Alert
        type={outcome === 'invalid' ? 'error' : 'success'}
        showIcon
        title={title}
        description={
          <Flex vertical gap={8}>
            <Flex gap={8} wrap>
              <Tag>{t('imports.rows', { count: report.rows })}</Tag>
              <Tag color="green">{t('imports.created', { count: report.created })}</Tag>
              <Tag color="blue">{t('imports.updated', { count: report.updated })}</Tag>
              <Tag>{t('imports.unchanged', { count: report.unchanged })}</Tag>
            </Flex>
            {outcome === 'invalid' && <span>{t('imports.invalidHint')}</span>}
          </Flex>
        }
      />
      {issues.length > 0 && (
        <Table<ImportIssue & { key: number }>
          columns={columns}
          dataSource={issues}
          size="small"
          pagination={issues.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
          data-testid="import-issues"
        />
      )}
    </Flex>
  );
}
