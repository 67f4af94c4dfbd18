import { useState } from 'react';
import { Form, Input, Select, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  professions,
  titleGrades,
  type Person,
  type Profession,
  type TitleGrade,
} from '@jijiao/contracts';
import { createPerson, updatePerson, type PersonCreated } from '../../../../api';
import { FormDrawer } from '../../../../components/FormDrawer';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { applyServerErrors } from '../../../../forms/apply-server-errors';
import { useT } from '../../../../i18n/use-t';
import { localToday } from '../../../../utils/format';
import { idNumberProblem, mobilePattern } from '../../person-validation';

interface PersonForm {
  name: string;
  idNumber: string;
  phone?: string;
  profession: Profession;
  tcm: boolean;
  titleGrade: TitleGrade;
  unitId: string;
}

export type PersonDrawerState =
  { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; person: Person };

/**
 * 新增人员 / 编辑人员. A unit admin adds staff to their own unit; higher roles pick the
 * unit. The ID number is typed once, on creation, and never shown back unmasked.
 */
export function PersonDrawer(props: {
  state: PersonDrawerState;
  /** The unit of a unit admin: new staff always go there. */
  fixedUnit: { id: string; name: string } | null;
  onClose: () => void;
  onCreated: (created: PersonCreated) => void;
}) {
  const { state } = props;
  if (state.mode === 'closed') return null;
  // A fresh form per opening: nothing typed for one person leaks into the next.
  const editing = state.mode === 'edit' ? state.person : null;
  return <OpenPersonDrawer key={editing?.id ?? 'new'} {...props} editing={editing} />;
}

function OpenPersonDrawer({
  editing,
  fixedUnit,
  onClose,
  onCreated,
}: {
  editing: Person | null;
  fixedUnit: { id: string; name: string } | null;
  onClose: () => void;
  onCreated: (created: PersonCreated) => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PersonForm>();
  const [placed, setPlaced] = useState(false);
  const labels = {
    name: t('people.name'),
    idNumber: t('people.idNumber'),
    phone: t('people.phone'),
    profession: t('people.profession'),
    tcm: t('people.tcm'),
    titleGrade: t('people.titleGrade'),
    unitId: t('people.unit'),
  };

  const mutation = useMutation({
    // The answer holds a one-time password: keep it out of the mutation cache.
    gcTime: 0,
    mutationFn: async (values: PersonForm) => {
      const phone = values.phone?.trim() ?? '';
      if (editing !== null) {
        await updatePerson(editing.id, {
          name: values.name.trim(),
          phone: phone === '' ? null : phone,
          profession: values.profession,
          tcm: values.tcm,
          titleGrade: values.titleGrade,
        });
        return null;
      }
      return createPerson({
        name: values.name.trim(),
        idNumber: values.idNumber.trim().toUpperCase(),
        ...(phone === '' ? {} : { phone }),
        profession: values.profession,
        tcm: values.tcm,
        titleGrade: values.titleGrade,
        unitId: fixedUnit?.id ?? values.unitId,
      });
    },
    onMutate: () => {
      setPlaced(false);
    },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      onClose();
      if (created !== null) onCreated(created);
    },
    onError: (error) => {
      setPlaced(applyServerErrors(form, error, labels, t));
    },
  });

  return (
    <FormDrawer
      title={editing ? t('people.editTitle', { name: editing.name }) : t('people.createTitle')}
      size={480}
      onClose={onClose}
      onSave={() => {
        form.submit();
      }}
      saving={mutation.isPending}
      error={mutation.error}
      placed={placed}
      saveTestId="person-submit"
    >
      <Form<PersonForm>
        form={form}
        name="person"
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={
          editing === null
            ? { tcm: false }
            : {
                name: editing.name,
                phone: editing.phone ?? '',
                profession: editing.profession,
                tcm: editing.tcm,
                titleGrade: editing.titleGrade,
              }
        }
        onFinish={(values) => {
          mutation.mutate(values);
        }}
      >
        <Form.Item
          label={labels.name}
          name="name"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('form.required', { field: labels.name }),
            },
            { max: 50, message: t('form.tooLong', { field: labels.name, max: 50 }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        {editing === null && (
          <Form.Item
            label={labels.idNumber}
            name="idNumber"
            extra={t('people.idNumberHint')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('form.required', { field: labels.idNumber }),
              },
              {
                validator: (_rule, value: unknown) => {
                  const problem =
                    typeof value === 'string' ? idNumberProblem(value, localToday()) : undefined;
                  return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
                },
              },
            ]}
          >
            <Input autoComplete="off" maxLength={18} spellCheck={false} />
          </Form.Item>
        )}
        <Form.Item
          label={labels.phone}
          name="phone"
          rules={[{ pattern: mobilePattern, message: t('form.phone') }]}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={labels.profession}
          name="profession"
          rules={[{ required: true, message: t('form.select', { field: labels.profession }) }]}
        >
          <Select options={professions.map((p) => ({ value: p, label: t(`profession.${p}`) }))} />
        </Form.Item>
        <Form.Item label={labels.tcm} name="tcm" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          label={labels.titleGrade}
          name="titleGrade"
          rules={[{ required: true, message: t('form.select', { field: labels.titleGrade }) }]}
        >
          <Select options={titleGrades.map((g) => ({ value: g, label: t(`titleGrade.${g}`) }))} />
        </Form.Item>
        {editing === null &&
          (fixedUnit !== null ? (
            <Form.Item label={labels.unitId}>
              <Typography.Text>{fixedUnit.name}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item
              label={labels.unitId}
              name="unitId"
              extra={t('people.unitHint')}
              rules={[{ required: true, message: t('form.select', { field: labels.unitId }) }]}
            >
              <OrgTreeSelect selectableKinds={['unit']} allowClear={false} />
            </Form.Item>
          ))}
      </Form>
    </FormDrawer>
  );
}
