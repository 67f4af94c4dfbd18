import { useState } from 'react';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Person } from '@jijiao/contracts';
import { listPeople, requestTransfer } from '../../../../api';
import { FormError } from '../../../../components/FormError';
import { UnitSearchSelect } from '../../../../components/UnitSearchSelect';
import { applyServerErrors } from '../../../../forms/apply-server-errors';
import { useT } from '../../../../i18n/use-t';
import { useFeedback } from '../../../../components/feedback';

interface TransferForm {
  personId: string;
  toUnitId: string;
  note?: string;
}

/** Picks a staff member by name (when the request does not start from their row). */
function PersonSearchSelect({
  id,
  value,
  onChange,
  onPick,
}: {
  id?: string;
  value?: string;
  onChange?: (personId: string) => void;
  onPick: (person: Person | undefined) => void;
}) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const people = useQuery({
    queryKey: ['people', 'pick', q],
    queryFn: () => listPeople({ q: q.trim() === '' ? undefined : q.trim(), limit: 20 }),
  });
  const items = people.data?.items ?? [];
  return (
    <Select
      id={id}
      value={value}
      onChange={(personId: string) => {
        onChange?.(personId);
        onPick(items.find((p) => p.id === personId));
      }}
      placeholder={t('people.transferForm.personPlaceholder')}
      showSearch={{ onSearch: setQ, filterOption: false }}
      loading={people.isFetching}
      options={items.map((p) => ({
        value: p.id,
        label: `${p.name}（${p.idNumberMasked}）`,
      }))}
    />
  );
}

/** 调出: asks another unit to take a staff member; their admin accepts or rejects. */
export function TransferModal({
  open,
  person,
  onClose,
}: {
  open: boolean;
  /** Null: the modal asks which staff member. */
  person: Person | null;
  onClose: () => void;
}) {
  if (!open) return null;
  return <OpenTransferModal key={person?.id ?? 'any'} person={person} onClose={onClose} />;
}

function OpenTransferModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TransferForm>();
  const [placed, setPlaced] = useState(false);
  const [picked, setPicked] = useState<Person | undefined>(person ?? undefined);
  const labels = {
    personId: t('people.transferForm.person'),
    toUnitId: t('people.transferForm.toUnit'),
    note: t('people.transferForm.note'),
  };
  const mutation = useMutation({
    mutationFn: (values: TransferForm) =>
      requestTransfer({
        personId: person?.id ?? values.personId,
        toUnitId: values.toUnitId,
        note: values.note?.trim() ? values.note.trim() : undefined,
      }),
    onMutate: () => {
      setPlaced(false);
    },
    onSuccess: () => {
      message.success(t('people.transferForm.submitted'));
      void queryClient.invalidateQueries({ queryKey: ['transfers'] });
      onClose();
    },
    onError: (error) => {
      setPlaced(applyServerErrors(form, error, labels, t));
    },
  });

  return (
    <Modal
      open
      title={
        person
          ? t('people.transferForm.title', { name: person.name })
          : t('people.transferForm.titleAny')
      }
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('people.transferForm.hint')}</Typography.Paragraph>
      <FormError error={mutation.error} placed={placed} />
      <Form<TransferForm>
        form={form}
        name="transfer"
        layout="vertical"
        disabled={mutation.isPending}
        onFinish={(values) => {
          mutation.mutate(values);
        }}
      >
        {person === null ? (
          <Form.Item
            label={labels.personId}
            name="personId"
            rules={[{ required: true, message: t('form.select', { field: labels.personId }) }]}
          >
            <PersonSearchSelect onPick={setPicked} />
          </Form.Item>
        ) : (
          <Form.Item label={labels.personId}>
            <Typography.Text>
              {person.name}（{person.unitName}）
            </Typography.Text>
          </Form.Item>
        )}
        <Form.Item
          label={labels.toUnitId}
          name="toUnitId"
          dependencies={['personId']}
          rules={[
            { required: true, message: t('form.select', { field: labels.toUnitId }) },
            {
              validator: (_rule, value: unknown) =>
                picked !== undefined && value === picked.unitId
                  ? Promise.reject(new Error(t('people.transferForm.sameUnit')))
                  : Promise.resolve(),
            },
          ]}
        >
          <UnitSearchSelect
            placeholder={t('people.transferForm.toUnitPlaceholder')}
            excludeId={picked?.unitId}
          />
        </Form.Item>
        <Form.Item
          label={labels.note}
          name="note"
          rules={[{ max: 200, message: t('form.tooLong', { field: labels.note, max: 200 }) }]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
