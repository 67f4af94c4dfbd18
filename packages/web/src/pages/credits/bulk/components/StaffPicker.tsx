import { useState } from 'react';
import { Alert, Button, Flex, Input, Select, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { listPeople, lookupStaff } from '../../../../api';
import { errorText } from '../../../../i18n/error-message';
import { useT } from '../../../../i18n/use-t';
import { splitIdNumbers } from '../bulk-activity';
import { useDebouncedSearch } from '../../../../utils/use-debounced-search';

export interface PickedPerson {
  id: string;
  label: string;
}

/** Staff of one unit: picked by name, or matched from pasted / uploaded ID numbers. */
export function StaffPicker({
  unitId,
  value,
  onChange,
}: {
  unitId: string;
  value: PickedPerson[];
  onChange: (next: PickedPerson[]) => void;
}) {
  const { t } = useT();
  const [setTyped, q] = useDebouncedSearch();
  const [pasted, setPasted] = useState('');
  const [notFound, setNotFound] = useState<number[]>([]);
  const people = useQuery({
    queryKey: ['people', 'bulk-pick', unitId, q],
    queryFn: () => listPeople({ unitId, ...(q ? { q } : {}), limit: 50 }),
  });
  const add = (more: PickedPerson[]) => {
    const seen = new Set(value.map((p) => p.id));
    onChange([...value, ...more.filter((p) => !seen.has(p.id))]);
  };
  const match = useMutation({
    mutationFn: (idNumbers: string[]) => lookupStaff(unitId, idNumbers),
    onSuccess: (result) => {
      add(
        result.items.flatMap((i) =>
          i.personId
            ? [{ id: i.personId, label: `${i.name ?? ''} · ${i.idNumberMasked ?? ''}` }]
            : [],
        ),
      );
      setNotFound(result.items.filter((i) => i.personId === null).map((i) => i.index + 1));
      setPasted('');
    },
  });
  return (
    <Flex vertical gap={8}>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        placeholder={t('bulkEntry.pickPlaceholder')}
        value={value.map((p) => p.id)}
        showSearch={{ onSearch: setTyped, filterOption: false }}
        loading={people.isFetching}
        options={[
          ...value.map((p) => ({ value: p.id, label: p.label })),
          ...(people.data?.items ?? [])
            .filter((p) => !value.some((v) => v.id === p.id))
            .map((p) => ({ value: p.id, label: `${p.name} · ${p.idNumberMasked}` })),
        ]}
        onChange={(ids: string[], options) => {
          const list = Array.isArray(options) ? options : [options];
          onChange(
            ids.map((id, i) => ({
              id,
              label: list[i]?.label ?? value.find((v) => v.id === id)?.label ?? id,
            })),
          );
        }}
        data-testid="bulk-staff"
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">
          {t('bulkEntry.selectedCount', { count: value.length })}
        </Typography.Text>
        <Button
          size="small"
          onClick={() => {
            onChange([]);
          }}
        >
          {t('bulkEntry.clear')}
        </Button>
      </Flex>
      <Typography.Text strong>{t('bulkEntry.paste')}</Typography.Text>
      <Typography.Text type="secondary">{t('bulkEntry.pasteHint')}</Typography.Text>
      <Input.TextArea
        rows={3}
        value={pasted}
        onChange={(e) => {
          setPasted(e.target.value);
        }}
        data-testid="bulk-paste"
      />
      <Flex gap={8}>
        <Button
          loading={match.isPending}
          disabled={splitIdNumbers(pasted).length === 0}
          onClick={() => {
            match.mutate(splitIdNumbers(pasted).slice(0, 500));
          }}
          data-testid="bulk-match"
        >
          {t('bulkEntry.resolve')}
        </Button>
        <Upload
          accept=".txt,.csv,text/plain,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(setPasted);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('bulkEntry.uploadList')}</Button>
        </Upload>
      </Flex>
      {match.isError && <Alert type="error" title={errorText(t, match.error)} />}
      {notFound.length > 0 && (
        <Alert
          type="warning"
          title={t('bulkEntry.notFound', { rows: notFound.join('、') })}
          data-testid="bulk-not-found"
        />
      )}
      {value.length > 0 && value.length <= 12 && (
        <Flex wrap gap={4}>
          {value.map((p) => (
            <Tag key={p.id}>{p.label}</Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
