import { Card, Collapse, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { PolicyPackView } from '@jijiao/contracts';
import { listPolicyPacks } from '../../api';
import { PageError, PageLoading } from '../../components/PageState';
import { useT } from '../../i18n/use-t';
import { yearsText } from './years';

/**
 * 规则: the policy packs in force, read-only. Each pack's place and years, its sources, and
 * its parameters as data (every number names the source it comes from).
 */
export function RulesPage() {
  const { t } = useT();
  const packs = useQuery({ queryKey: ['policy-packs'], queryFn: listPolicyPacks });
  if (packs.isPending) return <PageLoading />;
  if (packs.isError) return <PageError error={packs.error} onRetry={() => void packs.refetch()} />;

  const header = (pack: PolicyPackView) => (
    <Flex gap={8} align="center" wrap>
      <Tag color={pack.level === 'national' ? 'blue' : 'default'}>
        {t(`rules.levels.${pack.level}`)}
      </Tag>
      <Typography.Text strong>{pack.title}</Typography.Text>
      <Typography.Text type="secondary">
        {pack.id} · {pack.version} · {yearsText(pack.years, t)}
        {pack.code ? ` · ${pack.code}` : ''}
      </Typography.Text>
    </Flex>
  );

  return (
    <Card>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }} data-testid="page-title">
        {t('rules.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      <Collapse
        data-testid="policy-packs"
        items={packs.data.items.map((pack) => ({
          key: pack.id,
          label: header(pack),
          children: (
            <Flex vertical gap={16}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                <Descriptions.Item label={t('rules.id')}>{pack.id}</Descriptions.Item>
                <Descriptions.Item label={t('rules.version')}>{pack.version}</Descriptions.Item>
                <Descriptions.Item label={t('rules.place')}>
                  {pack.code ?? t('rules.levels.national')}
                </Descriptions.Item>
                <Descriptions.Item label={t('rules.years')}>
                  {yearsText(pack.years, t)}
                </Descriptions.Item>
              </Descriptions>
              <div>
                <Typography.Title level={2} style={{ fontSize: 16 }}>
                  {t('rules.sources')}
                </Typography.Title>
                <List
                  size="small"
                  dataSource={pack.sources}
                  renderItem={(source) => (
                    <List.Item>
                      <Typography.Text code>{source.id}</Typography.Text> {source.document}
                      {source.note ? (
                        <Typography.Text type="secondary"> — {source.note}</Typography.Text>
                      ) : null}
                    </List.Item>
                  )}
                />
              </div>
              <div>
                <Typography.Title level={2} style={{ fontSize: 16 }}>
                  {t('rules.parameters')}
                </Typography.Title>
                <pre
                  style={{ margin: 0, maxHeight: 480, overflow: 'auto', fontSize: 12 }}
                  data-testid={`pack-rules-${pack.id}`}
                >
                  {JSON.stringify(pack.rules, null, 2)}
                </pre>
              </div>
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
