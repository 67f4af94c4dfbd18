import { Flex, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import type { EvidenceChecklistItem } from '@jijiao/contracts';
import { useT } from '../../../../i18n/use-t';
import { labelOf } from '../../../../i18n/vocabulary';

/** 材料核对: each document the rules ask of the claim's type, ✓ when a file is it, ✗ if not. */
export function EvidenceChecklist({ items }: { items: readonly EvidenceChecklistItem[] }) {
  const { t } = useT();
  if (items.length === 0) return null;
  return (
    <Flex vertical gap={4} data-testid="evidence-checklist">
      <Typography.Text strong>{t('evidenceDocuments.checklist')}</Typography.Text>
      {items.map((item) => (
        <Flex key={item.kind} gap={8} align="center" data-testid={`checklist-${item.kind}`}>
          {item.attached ? (
            <CheckCircleOutlined style={{ color: '#52c41a' }} aria-hidden />
          ) : (
            <CloseCircleOutlined style={{ color: '#ff4d4f' }} aria-hidden />
          )}
          <Typography.Text>{labelOf(t, 'evidenceDocumentKind', item.kind)}</Typography.Text>
          <Tag color={item.attached ? 'success' : 'error'}>
            {item.attached ? t('evidenceDocuments.attached') : t('evidenceDocuments.notAttached')}
          </Tag>
        </Flex>
      ))}
    </Flex>
  );
}
