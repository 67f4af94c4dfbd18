import { Button, Checkbox, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Role } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';
import { adminRoles } from '../admin-roles';

export interface AccountFilters {
  q?: string;
  role?: Role;
  locked?: boolean;
}

/** Username or name, role, locked only: applied on 查询. */
export function AccountFilterBar({
  initial,
  onApply,
}: {
  initial: AccountFilters;
  onApply: (filters: AccountFilters) => void;
}) {
  const { t } = useT();
  return (
    <Form
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8 }}
      initialValues={initial}
      onFinish={(values: AccountFilters) => {
        const q = values.q?.trim();
        onApply({
          ...(q ? { q } : {}),
          ...(values.role ? { role: values.role } : {}),
          ...(values.locked ? { locked: true } : {}),
        });
      }}
    >
      <Form.Item name="q" label={t('accounts.search')}>
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="role" label={t('accounts.role')}>
        <Select
          allowClear
          style={{ width: 180 }}
          options={(['learner', ...adminRoles] as const).map((role) => ({
            value: role,
            label: t(`role.${role}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="locked" valuePropName="checked">
        <Checkbox data-testid="accounts-locked-only">{t('accounts.lockedOnly')}</Checkbox>
      </Form.Item>
      <Form.Item>
        <Button htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form.Item>
    </Form>
  );
}
