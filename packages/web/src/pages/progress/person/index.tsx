import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { fetchPersonYear } from '../../../api';
import { PageError, PageLoading } from '../../../components/PageState';
import { YearReport } from '../../../components/year/YearReport';
import { useT } from '../../../i18n/use-t';

/** The list this page was opened from (with its filters), else the plain list. */
function backPath(state: unknown): string {
  const back: unknown =
    typeof state === 'object' && state !== null && 'back' in state ? state.back : undefined;
  return typeof back === 'string' && back.startsWith('/progress') ? back : '/progress';
}

/** A staff member's year, as the learner sees it on their home page. */
export function PersonYearPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
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
        <Link to={backPath(location.state)}>
          <Button icon={<ArrowLeftOutlined />}>{t('progress.back')}</Button>
        </Link>
      }
    />
  );
}
