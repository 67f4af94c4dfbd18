import { Flex, Typography } from 'antd';
import type { AuditLogEntry } from '@jijiao/contracts';
import { useT } from '../../i18n/use-t';
import { detailLabel, detailValueText } from './describe-entry';

/**
 * An opened entry: every detail by its name, ids in full. Plain lines, not a table: a table
 * inside the log's own (max-content wide) table would stretch its columns.
 */
export function EntryDetails({ entry }: { entry: AuditLogEntry }) {
  const { t } = useT();
  return (
    <Flex vertical gap={4} style={{ maxWidth: 720 }} data-testid="audit-log-details">
      {Object.entries(entry.details).flatMap(([key, value]) => {
        const label = detailLabel(t, key);
        return label === undefined
          ? []
          : [
              <Typography.Text key={key}>
                <Typography.Text type="secondary">
                  {t('auditDescribe.label', { label })}
                </Typography.Text>
                {detailValueText(t, entry.action, key, value)}
              </Typography.Text>,
            ];
      })}
    </Flex>
  );
}
