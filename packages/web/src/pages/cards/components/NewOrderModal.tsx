import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { CardOrder } from '@jijiao/contracts';
import { createCardOrder } from '../../../api';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { StaffPicker, type PickedPerson } from '../../credits/bulk/components/StaffPicker';
import { useFeedback } from '../../../components/feedback';

/** A new card order: the unit (fixed for a unit's officer), the staff who get cards, a note. */
export function NewOrderModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (order: CardOrder) => void;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const { grant } = useSession();
  const atUnit = grant.orgKind === 'unit';
  const [unitId, setUnitId] = useState<string | undefined>(atUnit ? grant.orgId : undefined);
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const [note, setNote] = useState('');
  const create = useMutation({
    mutationFn: () =>
      createCardOrder({
        unitId: unitId ?? '',
        personIds: people.map((p) => p.id),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: onCreated,
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  return (
    <Modal
      open
      width={720}
      title={t('cards.orders.newTitle')}
      okText={t('cards.orders.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        disabled: unitId === undefined || people.length === 0,
        loading: create.isPending,
      }}
      onOk={() => {
        create.mutate();
      }}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('cards.orders.newHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('cards.orders.unit')}>
          {atUnit ? (
            <Typography.Text>{grant.orgName}</Typography.Text>
          ) : (
            <OrgTreeSelect
              selectableKinds={['unit']}
              value={unitId}
              onChange={(id) => {
                setUnitId(id);
                setPeople([]);
              }}
              style={{ width: 360 }}
            />
          )}
        </Form.Item>
        {unitId !== undefined && (
          <Form.Item
            label={t('cards.orders.people')}
            help={people.length === 0 ? t('cards.orders.needPeople') : undefined}
          >
            <StaffPicker unitId={unitId} value={people} onChange={setPeople} />
          </Form.Item>
        )}
        <Form.Item label={t('cards.orders.note')}>
          <Input
            value={note}
            maxLength={500}
            placeholder={t('cards.orders.notePlaceholder')}
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
