import { Select, Tag, Space } from 'antd';
import type { Audit } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';

/** Chooses the audit year; the status beside it. */
export function AuditPicker({
  items,
  current,
  onChange,
}: {
  items: readonly Audit[];
  current: Audit | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useT();
  return (
    <Space>
      <Select<string>
        aria-label={t('audit.year')}
        style={{ width: 160 }}
        value={current?.id}
        placeholder={t('audit.year')}
        options={items.map((a) => ({
          value: a.id,
          label: `${String(a.year)} · ${a.provinceName}`,
        }))}
        onChange={onChange}
      />
      {current && (
        <Tag color={current.status === 'open' ? 'processing' : 'success'}>
          {t(`audit.status.${current.status}`)}
        </Tag>
      )}
    </Space>
  );
}
