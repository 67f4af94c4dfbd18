import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  projectLevels,
  projectStatuses,
  type ProjectLevel,
  type ProjectStatus,
} from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';
import { hasProjectFilter, type ProjectFilters } from '../project-filters';

interface FilterForm {
  number?: string;
  name?: string;
  host?: string;
  year?: number | null;
  level?: ProjectLevel | '';
  status?: ProjectStatus | '';
}

const blankToUndefined = (value: string | undefined) => {
  const text = value?.trim() ?? '';
  return text === '' ? undefined : text;
};

/** Number, name, host, year, level (and status): applied on 查询, kept in the URL. */
export function ProjectFilterBar({
  filters,
  withStatus,
  onApply,
}: {
  filters: ProjectFilters;
  withStatus: boolean;
  onApply: (filters: ProjectFilters) => void;
}) {
  const { t } = useT();
  return (
    <Form<FilterForm>
      // Remounted when the URL changes (Back, reset): the fields show what is applied.
      key={JSON.stringify(filters)}
      layout="inline"
      name="project-filter"
      initialValues={{ ...filters, level: filters.level ?? '', status: filters.status ?? '' }}
      onFinish={(values) => {
        onApply({
          number: blankToUndefined(values.number),
          name: blankToUndefined(values.name),
          host: blankToUndefined(values.host),
          year: values.year ?? undefined,
          level: values.level === '' ? undefined : values.level,
          status: withStatus && values.status !== '' ? values.status : undefined,
        });
      }}
      style={{ rowGap: 8 }}
    >
      <Form.Item name="number">
        <Input
          placeholder={t('projects.filter.number')}
          aria-label={t('projects.filter.number')}
          allowClear
          maxLength={40}
          style={{ width: 190 }}
        />
      </Form.Item>
      <Form.Item name="name">
        <Input
          placeholder={t('projects.filter.name')}
          aria-label={t('projects.filter.name')}
          allowClear
          maxLength={50}
          style={{ width: 180 }}
        />
      </Form.Item>
      <Form.Item name="host">
        <Input
          placeholder={t('projects.filter.host')}
          aria-label={t('projects.filter.host')}
          allowClear
          maxLength={50}
          style={{ width: 160 }}
        />
      </Form.Item>
      <Form.Item name="year">
        <InputNumber<number>
          placeholder={t('projects.filter.year')}
          aria-label={t('projects.filter.year')}
          min={2000}
          max={2100}
          precision={0}
          style={{ width: 100 }}
        />
      </Form.Item>
      <Form.Item name="level">
        <Select<ProjectLevel | ''>
          aria-label={t('projects.level')}
          style={{ width: 120 }}
          options={[
            { value: '', label: t('projects.filter.allLevels') },
            ...projectLevels.map((l) => ({ value: l, label: t(`projectLevel.${l}`) })),
          ]}
        />
      </Form.Item>
      {withStatus && (
        <Form.Item name="status">
          <Select<ProjectStatus | ''>
            aria-label={t('projects.status')}
            style={{ width: 120 }}
            options={[
              { value: '', label: t('projects.filter.allStatuses') },
              ...projectStatuses.map((s) => ({ value: s, label: t(`projectStatus.${s}`) })),
            ]}
          />
        </Form.Item>
      )}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
        {hasProjectFilter(filters) && (
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              onApply({});
            }}
          >
            {t('common.reset')}
          </Button>
        )}
      </Flex>
    </Form>
  );
}
