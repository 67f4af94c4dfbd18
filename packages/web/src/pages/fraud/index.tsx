import { useState } from 'react';
import { Card, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Person } from '@jijiao/contracts';
import { listPeople } from '../../api';
import { PageError } from '../../components/PageState';
import { useT } from '../../i18n/use-t';
import { RecentVoids } from './components/RecentVoids';
import { PageHeader } from '../../components/PageHeader';

const lastYear = new Date().getFullYear() - 1;
const years = Array.from({ length: 6 }, (_, i) => lastYear + 1 - i);

/**
 * 作弊处理: find the person, open their year (where the year or one credit is voided, with
 * the consequences shown first), and the latest voids of the province.
 */
export function FraudPage() {
  const { t } = useT();
  const [q, setQ] = useState('');
  const [year, setYear] = useState(lastYear);
  const people = useQuery({
    queryKey: ['people', 'fraud-search', q],
    queryFn: () => listPeople({ q, limit: 20 }),
    enabled: q !== '',
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageHeader title={t('fraud.title')} />
        <Typography.Paragraph type="secondary">{t('fraud.intro')}</Typography.Paragraph>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t('fraud.findPerson')}</Typography.Text>
          <Select<number>
            aria-label={t('fraud.year')}
            data-testid="fraud-year"
            style={{ width: 100 }}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <Input.Search
            aria-label={t('fraud.searchPlaceholder')}
            placeholder={t('fraud.searchPlaceholder')}
            data-testid="fraud-search"
            allowClear
            maxLength={50}
            style={{ width: 260 }}
            onSearch={(text) => {
              setQ(text.trim());
            }}
          />
        </Flex>
        {people.isError ? (
          <PageError error={people.error} onRetry={() => void people.refetch()} />
        ) : (
          q !== '' && (
            <Table<Person>
              rowKey="id"
              size="small"
              pagination={false}
              loading={people.isFetching}
              dataSource={people.data?.items ?? []}
              data-testid="fraud-people"
              locale={{ emptyText: t('fraud.noPeople') }}
              columns={[
                { title: t('fraud.columns.name'), dataIndex: 'name', width: 120 },
                { title: t('fraud.columns.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
                { title: t('fraud.columns.unit'), dataIndex: 'unitName', ellipsis: true },
                {
                  title: t('common.actions'),
                  key: 'open',
                  width: 140,
                  render: (_, p) => (
                    <Link to={`/progress/people/${p.id}?year=${String(year)}`}>
                      {t('fraud.open')}
                    </Link>
                  ),
                },
              ]}
            />
          )
        )}
      </Card>
      <RecentVoids />
    </Space>
  );
}
