import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { fetchClaim } from '../../../api';
import { PageError, PageLoading } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { ClaimForm } from './components/ClaimForm';

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
