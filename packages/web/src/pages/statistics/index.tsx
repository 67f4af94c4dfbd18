import { Card, Col, Flex, InputNumber, Row, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ComplianceStatistics } from '@jijiao/contracts';
import { fetchUnitStatistics } from '../../api';
import { FreshnessAlert } from '../../components/FreshnessAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageError, PageLoading } from '../../components/PageState';
import { useT } from '../../i18n/use-t';
import { professionLabel, titleGradeLabel, unitLevelLabel } from '../../i18n/vocabulary-label';
import { useSession } from '../../session/session-context';
import { toSearch } from '../../utils/url-state';
import {
  defaultProgressFilters,
  parseProgressFilters,
  progressPath,
} from '../progress/list/progress-filters';
import { DistributionTable } from './components/DistributionTable';
import {
  ChannelChart,
  ChildRateChart,
  DistributionChart,
  TrendYearsChart,
} from './components/StatisticsCharts';
import { GroupTable } from './components/GroupTable';
import { PageHeader } from '../../components/PageHeader';

type Child = ComplianceStatistics['byChild'][number];
const childKinds = ['city', 'district', 'unit', 'other'] as const;
type ChildKind = (typeof childKinds)[number];
const childKindOf = (c: Child): ChildKind =>
  c.kind === 'city' || c.kind === 'district' || c.kind === 'unit' ? c.kind : 'other';

/**
 * 统计报表: the share of an organisation's staff (and the units below it) who meet the
 * year's requirements, overall and by child organisation, profession, title grade and unit
 * level, lowest rate first; and how many people have how many credits. Charts above the
 * tables: compliance by child organisation, this year against last, credits by channel and
 * the distribution of credits.
 */
export function StatisticsPage() {
  const { t } = useT();
  const { grant, access } = useSession();
  const canReview = access.permissions.has('credit:review');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { unitId: picked, year } = parseProgressFilters(params);
  const unitId = picked ?? grant.orgId;
  const set = (next: { unitId?: string; year?: number | undefined }) => {
    const merged = { unitId, year, ...next };
    void navigate(
      `/statistics${toSearch({
        unit: merged.unitId === grant.orgId ? undefined : merged.unitId,
        year: merged.year,
      })}`,
    );
  };
  const stats = useQuery({
    queryKey: ['unit-statistics', unitId, year],
    queryFn: () => fetchUnitStatistics(unitId, year),
  });

  const body = (data: ComplianceStatistics) => {
    const { overall } = data;
    const progressOf = (child: Child) =>
      progressPath({ ...defaultProgressFilters, unitId: child.key, year: data.year });
    return (
      <Flex vertical gap={16}>
        <FreshnessAlert freshness={data} />
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('statistics.staff')} value={overall.staff} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('statistics.compliant')} value={overall.compliant} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('statistics.rate')}
              value={overall.rate}
              precision={1}
              suffix="%"
              data-testid="statistics-rate"
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('statistics.averageCredits')}
              value={overall.averageCredits}
              precision={1}
            />
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          {data.byChild.length > 0 && (
            <Col xs={24} lg={12}>
              <ChildRateChart
                stats={data}
                onSelect={(orgId) =>
                  void navigate(
                    progressPath({
                      ...defaultProgressFilters,
                      unitId: orgId,
                      year: data.year,
                      compliance: 'behind',
                    }),
                  )
                }
              />
            </Col>
          )}
          <Col xs={24} lg={12}>
            <TrendYearsChart stats={data} />
          </Col>
          <Col xs={24} lg={12}>
            <ChannelChart
              stats={data}
              {...(canReview
                ? { onSelect: (channel: string) => void navigate(`/reviews?channel=${channel}`) }
                : {})}
            />
          </Col>
          <Col xs={24} lg={12}>
            <DistributionChart stats={data} />
          </Col>
        </Row>
        {childKinds.map((kind) => {
          const rows = data.byChild.filter((c) => childKindOf(c) === kind);
          if (rows.length === 0) return null;
          return (
            <GroupTable<Child>
              key={kind}
              title={t(`statistics.byChild.${kind}`)}
              label={kind === 'other' ? t('statistics.unit') : t(`orgKind.${kind}`)}
              rows={rows}
              name={(c) => (
                <Link
                  to={progressOf(c)}
                  onClick={(e) => {
                    e.stopPropagation();
                  }}
                >
                  {c.name}
                </Link>
              )}
              onOpen={(c) => void navigate(progressOf(c))}
              testId={`statistics-by-${kind}`}
            />
          );
        })}
        <GroupTable
          title={t('statistics.byProfession')}
          label={t('statistics.profession')}
          rows={data.byProfession}
          name={(g) => professionLabel(t, g.key)}
          testId="statistics-by-profession"
        />
        <GroupTable
          title={t('statistics.byTitleGrade')}
          label={t('statistics.titleGrade')}
          rows={data.byTitleGrade}
          name={(g) => titleGradeLabel(t, g.key)}
          testId="statistics-by-title-grade"
        />
        <GroupTable
          title={t('statistics.byUnitLevel')}
          label={t('statistics.unitLevel')}
          rows={data.byUnitLevel}
          name={(g) => unitLevelLabel(t, g.key)}
          testId="statistics-by-unit-level"
        />
        <DistributionTable buckets={data.distribution} staff={overall.staff} />
      </Flex>
    );
  };

  return (
    <Card>
      <PageHeader title={t('statistics.title')} />
      <Typography.Paragraph type="secondary">{t('statistics.intro')}</Typography.Paragraph>
      <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
        {grant.orgKind !== 'unit' && (
          <OrgTreeSelect
            aria-label={t('statistics.unit')}
            value={unitId}
            allowClear={false}
            style={{ width: 280 }}
            onChange={(id) => {
              if (id) set({ unitId: id });
            }}
          />
        )}
        <Space>
          <Typography.Text>{t('statistics.year')}</Typography.Text>
          <InputNumber
            aria-label={t('statistics.year')}
            min={1990}
            max={2100}
            value={year ?? stats.data?.year}
            onChange={(v) => {
              set({ year: typeof v === 'number' ? v : undefined });
            }}
          />
        </Space>
      </Flex>
      {stats.isPending ? (
        <PageLoading />
      ) : stats.isError ? (
        <PageError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        body(stats.data)
      )}
    </Card>
  );
}
