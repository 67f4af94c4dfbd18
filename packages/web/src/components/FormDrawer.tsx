import type { ReactNode } from 'react';
import { Button, Drawer, Flex } from 'antd';
import { useT } from '../i18n/use-t';
import { FormError } from './FormError';

interface FormDrawerProps {
  title: ReactNode;
  size: number;
  onClose: () => void;
  /** Submits the drawer's form (`form.submit()`). */
  onSave: () => void;
  saving: boolean;
  /** The last failed submission, and whether its issues were placed on fields. */
  error: unknown;
  placed: boolean;
  saveTestId?: string;
  children: ReactNode;
}

/** An edit drawer: cancel and save in the footer, a failed submission's message on top. */
export function FormDrawer(props: FormDrawerProps) {
  const { t } = useT();
  return (
    <Drawer
      open
      title={props.title}
      onClose={props.onClose}
      size={props.size}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={props.saving}
            onClick={props.onSave}
            data-testid={props.saveTestId}
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <FormError error={props.error} placed={props.placed} />
      {props.children}
    </Drawer>
  );
}
