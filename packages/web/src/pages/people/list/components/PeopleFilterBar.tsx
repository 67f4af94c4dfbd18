import { Button, Flex, Input, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { professions, titleGrades, type Profession, type TitleGrade } from '@jijiao/contracts';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { useT } from '../../../../i18n/use-t';
import type { PeopleFilters } from '../people-filters';

/** Name, profession, title grade and unit: each applies at once and is kept in the URL. */
export function PeopleFilterBar({
  filters,
  withUnit,
  onChange,
}: {
  filters: PeopleFilters;
  /** False for a unit admin, whose scope is one unit. */
  withUnit: boolean;
  onChange: (next: Partial<PeopleFilters>) => void;
}) {
  const { t } = useT();
  const filtered =
    filters.q !== undefined ||
    filters.profession !== undefined ||
    filters.titleGrade !== undefined ||
    filters.unitId !== undefined;

  return (
    <Flex gap={8} wrap>
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        placeholder={t('people.filter.name')}
        aria-label={t('people.filter.name')}
        allowClear
        maxLength={50}
        style={{ width: 200 }}
        onSearch={(value) => {
          onChange({ q: value.trim() === '' ? undefined : value.trim() });
        }}
      />
      <Select<Profession | ''>
        aria-label={t('people.profession')}
        style={{ width: 150 }}
        value={filters.profession ?? ''}
        onChange={(value) => {
          onChange({ profession: value === '' ? undefined : value });
        }}
        options={[
          { value: '', label: t('people.filter.allProfessions') },
          ...professions.map((p) => ({ value: p, label: t(`profession.${p}`) })),
        ]}
      />
      <Select<TitleGrade | ''>
        aria-label={t('people.titleGrade')}
        style={{ width: 130 }}
        value={filters.titleGrade ?? ''}
        onChange={(value) => {
          onChange({ titleGrade: value === '' ? undefined : value });
        }}
        options={[
          { value: '', label: t('people.filter.allTitles') },
          ...titleGrades.map((g) => ({ value: g, label: t(`titleGrade.${g}`) })),
        ]}
      />
      {withUnit && (
        <OrgTreeSelect
          aria-label={t('people.unit')}
          placeholder={t('people.filter.allUnits')}
          value={filters.unitId}
          onChange={(unitId) => {
            onChange({ unitId });
          }}
          style={{ width: 240 }}
        />
      )}
      {filtered && (
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            onChange({
              q: undefined,
              profession: undefined,
              titleGrade: undefined,
              unitId: undefined,
            });
          }}
        >
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
