import { Checkbox, Input, InputNumber, Select } from 'antd';
import type { MessageKey } from '../../../../i18n/message-key';
import { useT } from '../../../../i18n/use-t';
import type { ActivityField } from '../../activity-fields';
import { ProjectNumberInput } from './ProjectNumberInput';
import { ProvinceSelect } from './ProvinceSelect';

function optionKey(field: ActivityField['name'], value: string): MessageKey {
  return `credits.option.${field as 'level' | 'role' | 'journal'}.${value}` as MessageKey;
}

/** The control of one field; Form.Item's id, value and onChange pass through. */
export function FieldInput({
  field,
  ...control
}: { field: ActivityField } & Record<string, unknown>) {
  const { t } = useT();
  switch (field.kind) {
    case 'select':
      return (
        <Select
          {...control}
          options={(field.options ?? []).map((v) => ({
            value: v,
            label: t(optionKey(field.name, v)),
          }))}
        />
      );
    // No min/precision: a clamp would silently turn -3 into 0 or 1; the form's rules say
    // what is wrong beside the field instead.
    case 'integer':
      return <InputNumber {...control} style={{ width: '100%' }} />;
    case 'number':
      return <InputNumber {...control} step={0.5} style={{ width: '100%' }} />;
    case 'date':
      return <Input {...control} type="date" />;
    case 'boolean':
      return <Checkbox {...control} />;
    case 'province':
      return <ProvinceSelect {...control} />;
    case 'text':
      if (field.name === 'projectNumber') return <ProjectNumberInput {...control} />;
      return <Input {...control} maxLength={100} />;
  }
}
