import {
  Card,
  Col,
  Flex,
  InputNumber,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { ComplianceStatistics } from '@jijiao/contracts';
import { fetchUnitStatistics } from '../../api';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { PageError, PageLoading } from '../../components/PageState';
import type { MessageKey } from '../../i18n/message-key';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { parseProgressFilters } from '../progress/list/progress-filters';

type Group = ComplianceStatistics['byProfession'][number] & { name?: string };

/**
 * 统计报表: the share of a unit's staff (and the units below it) who meet the year's
 * requirements, overall and by profession, title grade and unit, lowest rate first.
 */
export function StatisticsPage() {
  const { t } = useT();
  const { grant } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = parseProgressFilters(params);
  const unitId = filters.unitId ?? grant.orgId;
  const { year } = filters;
  const set = (next: { unitId?: string; year?: number | undefined }) => {
    const merged = { unitId, year, ...next };
    const search: Record<string, string> = {};
    if (merged.unitId !== grant.orgId) search['unit'] = merged.unitId;
    if (merged.year !== undefined) search['year'] = String(merged.year);
    setParams(search);
  };
  const stats = useQuery({
    queryKey: ['unit-statistics', unitId, year],
    queryFn: () => fetchUnitStatistics(unitId, year),
  });

  const columns = (label: string, name: (g: Group) => string): TableColumnsType<Group> => [
    { title: label, key: 'key', render: (_v, g) => name(g) },
    { title: t('statistics.staff'), dataIndex: 'staff', align: 'right' },
    { title: t('statistics.compliant'), dataIndex: 'compliant', align: 'right' },
    {
      title: t('statistics.rate'),
      dataIndex: 'rate',
      width: 240,
      render: (rate: number) => (
        <Progress
          percent={rate}
          size="small"
          status={rate < 100 ? 'normal' : 'success'}
          format={(p) => `${String(p ?? 0)}%`}
        />
      ),
    },
    { title: t('statistics.averageCredits'), dataIndex: 'averageCredits', align: 'right' },
  ];
  const table = (title: string, label: string, rows: Group[], name: (g: Group) => string) => (
    <Card size="small" title={title}>
      <Table<Group>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={columns(label, name)}
        data-testid={`statistics-${title}`}
      />
    </Card>
  );

  const body = () => {
    if (stats.isPending) return <PageLoading />;
    if (stats.isError)
      return <PageError error={stats.error} onRetry={() => void stats.refetch()} />;
    const { overall } = stats.data;
    return (
      <Flex vertical gap={16}>
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
        {table(
          t('statistics.byProfession'),
          t('statistics.profession'),
          stats.data.byProfession,
          (g) => t(`profession.${g.key}` as MessageKey),
        )}
        {table(
          t('statistics.byTitleGrade'),
          t('statistics.titleGrade'),
          stats.data.byTitleGrade,
          (g) => t(`titleGrade.${g.key}` as MessageKey),
        )}
        {table(
          t('statistics.byUnit'),
          t('statistics.unit'),
          stats.data.byChild,
          (g) => g.name ?? g.key,
        )}
      </Flex>
    );
  };

  return (
    <Card title={t('statistics.title')}>
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
      {body()}
    </Card>
  );
}
