import { Select } from 'antd';
import { provinces } from '@jijiao/domain';
import { useT } from '../../../../i18n/use-t';

/**
 * A province chosen by name (北京市), searchable by typing part of it; the value is its GB/T
 * 2260 code. A code that is not a province of the list (an old claim) reads 其他地区.
 */
export function ProvinceSelect({
  value,
  ...control
}: { value?: unknown } & Record<string, unknown>) {
  const { t, language } = useT();
  const options = provinces.map((p) => ({
    value: p.code,
    label: language === 'en-US' ? p.nameEn : p.name,
  }));
  if (typeof value === 'string' && value !== '' && !provinces.some((p) => p.code === value))
    options.push({ value, label: t('selfReportForm.otherRegion') });
  return (
    <Select
      {...control}
      value={value}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder={t('selfReportForm.hostProvincePlaceholder')}
      options={options}
      data-testid="host-province"
    />
  );
}
