import { Button, Form, Input, Select, type FormInstance } from 'antd';
import { cardStatuses, type CardStatus } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';

export interface CardFilters {
  status?: CardStatus;
  number?: string;
  name?: string;
}

/**
 * Status, card number and holder's name: applied on 查询. The tab owns the form so the typed
 * values live as long as the tab, not the bar (the tab shows only an error when the list fails).
 */
export function CardFilterBar({
  form,
  onApply,
}: {
  form: FormInstance<CardFilters>;
  onApply: (filters: CardFilters) => void;
}) {
  const { t } = useT();
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(values) => {
        onApply({
          ...(values.status ? { status: values.status } : {}),
          ...(values.number?.trim() ? { number: values.number.trim().toUpperCase() } : {}),
          ...(values.name?.trim() ? { name: values.name.trim() } : {}),
        });
      }}
    >
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t('cards.allStatuses')}
          style={{ width: 160 }}
          options={cardStatuses.map((s) => ({ value: s, label: t(`cards.statusLabel.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="number">
        <Input placeholder={t('cards.numberFilter')} allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="name">
        <Input placeholder={t('cards.nameFilter')} allowClear style={{ width: 160 }} />
      </Form.Item>
      <Button htmlType="submit" type="primary">
        {t('common.search')}
      </Button>
      <Button
        onClick={() => {
          form.resetFields();
          onApply({});
        }}
      >
        {t('common.reset')}
      </Button>
    </Form>
  );
}
