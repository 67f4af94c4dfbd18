import { Descriptions } from 'antd';
import type { AuditLogEntry } from '@jijiao/contracts';
import { useT } from '../../i18n/use-t';
import { detailLabel, detailValueText } from './describe-entry';

/** An opened entry: every detail by its name, ids in full. */
export function EntryDetails({ entry }: { entry: AuditLogEntry }) {
  const { t } = useT();
  const items = Object.entries(entry.details).flatMap(([key, value]) => {
    const label = detailLabel(t, key);
    return label === undefined
      ? []
      : [{ key, label, children: detailValueText(t, entry.action, key, value) }];
  });
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
