import { useState } from 'react';
import { Button, Space } from 'antd';
import { ArrowLeftOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { VoidYearResult } from '@jijiao/contracts';
import { fetchPersonYear, type VoidTarget } from '../../../api';
import { PageError, PageLoading } from '../../../components/PageState';
import { YearReport } from '../../../components/year/YearReport';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { VoidModal } from '../../fraud/components/VoidModal';
import { VoidOutcome } from '../../fraud/components/VoidOutcome';
import { PageHeader } from '../../../components/PageHeader';

/** The list this page was opened from (with its filters), else the plain list. */
function backPath(state: unknown): string {
  const back: unknown =
    typeof state === 'object' && state !== null && 'back' in state ? state.back : undefined;
  return typeof back === 'string' && back.startsWith('/progress') ? back : '/progress';
}

/**
 * A staff member's year, as the learner sees it on their home page. The province office
 * (audit:manage) voids the year or one credit of it here (作弊处理), seeing the
 * consequences before it confirms.
 */
export function PersonYearPage() {
  const { t } = useT();
  const { access } = useSession();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const canVoid = access.permissions.has('audit:manage');
  const [voiding, setVoiding] = useState<VoidTarget | null>(null);
  const [outcome, setOutcome] = useState<VoidYearResult | null>(null);
  const report = useQuery({
    queryKey: ['person-year', id, year],
    queryFn: () => fetchPersonYear(id, year),
  });
  if (report.isError)
    return <PageError error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <PageLoading />;
  const voidButton = (claimId: string) => (
    <Button
      danger
      size="small"
      data-testid="void-credit"
      onClick={() => {
        setVoiding({ personId: id, year, claimId });
      }}
    >
      {t('fraud.voidCredit')}
    </Button>
  );
  return (
    <>
      <PageHeader title={report.data.personName} />
      <YearReport
        report={report.data}
        notice={
          outcome && (
            <VoidOutcome
              result={outcome}
              onClose={() => {
                setOutcome(null);
              }}
            />
          )
        }
        extra={
          <Space>
            {canVoid && (
              <Button
                danger
                icon={<StopOutlined />}
                data-testid="void-year"
                disabled={report.data.credits.length + report.data.pending.length === 0}
                onClick={() => {
                  setVoiding({ personId: id, year });
                }}
              >
                {t('fraud.voidYear')}
              </Button>
            )}
            <Link to={backPath(location.state)}>
              <Button icon={<ArrowLeftOutlined />}>{t('progress.back')}</Button>
            </Link>
          </Space>
        }
        {...(canVoid
          ? {
              creditAction: (c) => voidButton(c.claimId),
              // A draft is the learner's own, not yet a credit: nothing to void.
              pendingAction: (c) => (c.status === 'draft' ? null : voidButton(c.id)),
            }
          : {})}
      />
      {canVoid && (
        <VoidModal
          target={voiding}
          personName={report.data.personName}
          onClose={() => {
            setVoiding(null);
          }}
          onDone={(result) => {
            setVoiding(null);
            setOutcome(result);
          }}
        />
      )}
    </>
  );
}
