import { Form, Input, Modal, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { UserCreate, UserWithPassword } from '@jijiao/contracts';
import { createAccount } from '../../../api';
import { FormError } from '../../../components/FormError';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useT } from '../../../i18n/use-t';
import { adminRoles } from '../admin-roles';

/** A new administrator: one role at one organisation; the server makes its password. */
export function CreateAccountModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (result: UserWithPassword) => void;
}) {
  const { t } = useT();
  const [form] = Form.useForm<UserCreate>();
  const create = useMutation({
    mutationFn: createAccount,
    onSuccess: (result) => {
      form.resetFields();
      onCreated(result);
    },
  });

  return (
    <Modal
      open={open}
      title={t('accounts.create')}
      okText={t('accounts.createOk')}
      confirmLoading={create.isPending}
      destroyOnHidden
      onOk={() => {
        void form.validateFields().then((values) => {
          create.mutate(values);
        });
      }}
      onCancel={() => {
        onClose();
        create.reset();
      }}
    >
      <FormError error={create.error} placed={false} />
      <Form<UserCreate> form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="username"
          label={t('accounts.username')}
          extra={t('accounts.usernameHint')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$/ }]}
        >
          <Input data-testid="account-username" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('accounts.displayName')}
          rules={[{ required: true, max: 50 }]}
        >
          <Input data-testid="account-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true }]}>
          <Select
            data-testid="account-role"
            options={adminRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('accounts.org')}
          extra={t('accounts.orgHint')}
          rules={[{ required: true }]}
        >
          <OrgTreeSelect data-testid="account-org" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
