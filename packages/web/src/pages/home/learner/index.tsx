import { Button, Flex, Space } from 'antd';
import { FormOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { fetchMyYear, fetchMyYears } from '../../../api/credits';
import { NativeSelect } from '../../../components/NativeSelect';
import { PageError, PageLoading } from '../../../components/PageState';
import { YearReport } from '../../../components/year/YearReport';
import { useT } from '../../../i18n/use-t';
import { YearCertificateNotice } from '../../certificates/YearCertificateNotice';
import { PageHeader } from '../../../components/PageHeader';
import { DeadlineNotice } from '../../../components/DeadlineNotice';
import { staleTime, yearKey, yearsKey } from './reads';

/** 我的学分: this year's progress per requirement, what is missing, credits, earlier years. */
export function LearnerHomePage() {
  const { t } = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const years = useQuery({ queryKey: yearsKey, queryFn: fetchMyYears, staleTime });
  const chosen = Number(searchParams.get('year')) || undefined;
  const year = chosen ?? years.data?.currentYear;
  const report = useQuery({
    queryKey: yearKey(year),
    queryFn: () => fetchMyYear(year ?? 0),
    staleTime,
    enabled: year !== undefined,
  });
  if (years.isError) return <PageError error={years.error} onRetry={() => void years.refetch()} />;
  if (report.isError)
    return <PageError error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data || !years.data) return <PageLoading />;
  const options = years.data.items.map((i) => i.year);
  if (year !== undefined && !options.includes(year)) options.push(year);
  const yearReport = (
    <YearReport
      report={report.data}
      pendingAction={(claim) =>
        claim.status === 'draft' || claim.status === 'returned' ? (
          <Link to={`/credits/${claim.id}/edit`}>
            {claim.status === 'returned' ? t('claims.resubmit') : t('claims.edit')}
          </Link>
        ) : null
      }
      extra={
        <Space wrap>
          <NativeSelect<number>
            aria-label={t('year.switchYear')}
            data-testid="year-switch"
            value={report.data.year}
            width={120}
            options={options
              .sort((a, b) => b - a)
              .map((y) => ({ value: y, label: t('year.yearOption', { year: y }) }))}
            onChange={(value) => {
              setSearchParams(value === years.data.currentYear ? {} : { year: String(value) });
            }}
          />
          <Link to="/credits">
            <Button icon={<UnorderedListOutlined />}>{t('year.claimsButton')}</Button>
          </Link>
          {/* An earlier year is closed: self-reports go to the current year only. */}
          {year === years.data.currentYear && (
            <Link to="/credits/new">
              <Button type="primary" icon={<FormOutlined />} data-testid="report-credit">
                {t('year.reportButton')}
              </Button>
            </Link>
          )}
        </Space>
      }
    />
  );
  return (
    <Flex vertical gap={16}>
      {/* The year's card names the page; the header adds nothing at the top of the tree. */}
      <PageHeader titleBelow />
      <DeadlineNotice year={report.data.year} />
      <YearCertificateNotice year={report.data.year} currentYear={years.data.currentYear} />
      {yearReport}
    </Flex>
  );
}
