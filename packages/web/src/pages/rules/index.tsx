import { Card, Collapse, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { PolicyPackView } from '@jijiao/contracts';
import { listPolicyPacks } from '../../api';
import { PageError, PageLoading } from '../../components/PageState';
import { useT } from '../../i18n/use-t';
import { yearsText } from './years';
import { PackRules } from './components/PackRules';
import { packLabel, sourceLabel, sourceNote } from '../../i18n/pack-label';
import { regionText } from '../../components/activity/activity-field-text';
import { PageHeader } from '../../components/PageHeader';

/**
 * 规则: the policy packs in force, read-only. Each pack by name with its place and years, its
 * rules in words (each naming the source it comes from), and its sources.
 */
export function RulesPage() {
  const { t } = useT();
  const packs = useQuery({ queryKey: ['policy-packs'], queryFn: listPolicyPacks });
  if (packs.isPending) return <PageLoading />;
  if (packs.isError) return <PageError error={packs.error} onRetry={() => void packs.refetch()} />;

  const place = (pack: PolicyPackView) => {
    if (pack.code === null) return t('rules.levels.national');
    const region = t('policyRules.place', { code: pack.code });
    return pack.level === 'province'
      ? regionText(t, pack.code)
      : `${regionText(t, pack.code)} · ${region}`;
  };
  const header = (pack: PolicyPackView) => (
    <Flex gap={8} align="center" wrap>
      <Tag color={pack.level === 'national' ? 'blue' : 'default'}>
        {t(`rules.levels.${pack.level}`)}
      </Tag>
      <Typography.Text strong>{packLabel(t, pack)}</Typography.Text>
      <Typography.Text type="secondary">
        {t('policyRules.version', { version: pack.version })} · {yearsText(pack.years, t)}
      </Typography.Text>
    </Flex>
  );

  return (
    <Card>
      <PageHeader title={t('rules.title')} />
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      <Collapse
        data-testid="policy-packs"
        items={packs.data.items.map((pack) => ({
          key: pack.id,
          label: header(pack),
          children: (
            <Flex vertical gap={16}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                <Descriptions.Item label={t('rules.version')}>
                  {t('policyRules.version', { version: pack.version })}
                </Descriptions.Item>
                <Descriptions.Item label={t('rules.place')}>{place(pack)}</Descriptions.Item>
                <Descriptions.Item label={t('rules.years')}>
                  {yearsText(pack.years, t)}
                </Descriptions.Item>
              </Descriptions>
              <div>
                <Typography.Title level={2} style={{ fontSize: 16 }}>
                  {t('rules.parameters')}
                </Typography.Title>
                <PackRules pack={pack} />
              </div>
              <div>
                <Typography.Title level={2} style={{ fontSize: 16 }}>
                  {t('rules.sources')}
                </Typography.Title>
                <List
                  size="small"
                  dataSource={pack.sources}
                  renderItem={(source) => {
                    const note = sourceNote(t, source);
                    return (
                      <List.Item>
                        {sourceLabel(t, source)}
                        {note === undefined ? null : (
                          <Typography.Text type="secondary"> — {note}</Typography.Text>
                        )}
                      </List.Item>
                    );
                  }}
                />
              </div>
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
