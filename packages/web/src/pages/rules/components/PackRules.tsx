import { Flex, List, Typography } from 'antd';
import type { PolicyPackView } from '@jijiao/contracts';
import { sourceLabel } from '../../../i18n/pack-label';
import { useT } from '../../../i18n/use-t';
import { ruleSections, type PackRules as Rules } from '../rules-lines';

/** A pack's parameters in words, section by section, each rule with its source. */
export function PackRules({ pack }: { pack: PolicyPackView }) {
  const { t } = useT();
  const citation = (id: string | undefined) => {
    const source = pack.sources.find((s) => s.id === id);
    return source === undefined ? undefined : sourceLabel(t, source);
  };
  return (
    <Flex vertical gap={8} data-testid={`pack-rules-${pack.id}`}>
      {ruleSections(t, pack.rules as Rules).map(([section, lines]) => (
        <List
          key={section}
          size="small"
          header={<Typography.Text strong>{t(`policyRules.section.${section}`)}</Typography.Text>}
          dataSource={lines}
          renderItem={(line) => {
            const source = citation(line.source);
            return (
              <List.Item>
                <Flex vertical>
                  <span>{line.text}</span>
                  {source !== undefined && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('policyRules.source', { source })}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            );
          }}
        />
      ))}
    </Flex>
  );
}
