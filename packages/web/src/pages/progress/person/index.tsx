import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { fetchPersonYear } from '../../../api';
import { PageError, PageLoading } from '../../../components/PageState';
import { YearReport } from '../../../components/year/YearReport';
import { useT } from '../../../i18n/use-t';

/** A staff member's year, as the learner sees it on their home page. */
export function PersonYearPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const report = useQuery({
    queryKey: ['person-year', id, year],
    queryFn: () => fetchPersonYear(id, year),
  });
  if (report.isError)
    return <PageError error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <PageLoading />;
  return (
    <YearReport
      report={report.data}
      extra={
        <Link to="/progress">
          <Button icon={<ArrowLeftOutlined />}>{t('progress.back')}</Button>
        </Link>
      }
    />
  );
}
