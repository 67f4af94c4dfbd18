import { useState } from 'react';
import { Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgKinds, unitTypes, type Org, type OrgKind, type UnitType } from '@jijiao/contracts';
import { createOrg, updateOrg } from '../../../../api';
import { FormDrawer } from '../../../../components/FormDrawer';
import { applyServerErrors } from '../../../../forms/apply-server-errors';
import { useT } from '../../../../i18n/use-t';
import { creditCodeProblem, regionCodePattern } from '../org-validation';
import { useFeedback } from '../../../../components/feedback';

interface OrgForm {
  kind: OrgKind;
  unitType?: UnitType;
  name: string;
  regionCode?: string;
  creditCode?: string;
}

export type OrgFormState =
  { mode: 'closed' } | { mode: 'create'; parent: Org } | { mode: 'edit'; org: Org };

/** 新增下级机构 / 编辑机构 (org:manage). */
export function OrgFormDrawer({ state, onClose }: { state: OrgFormState; onClose: () => void }) {
  if (state.mode === 'closed') return null;
  return (
    <OpenOrgFormDrawer
      key={state.mode === 'edit' ? state.org.id : `new-${state.parent.id}`}
      state={state}
      onClose={onClose}
    />
  );
}

const blank = (value: string | undefined) => {
  const text = value?.trim() ?? '';
  return text === '' ? undefined : text;
};

function OpenOrgFormDrawer({
  state,
  onClose,
}: {
  state: Exclude<OrgFormState, { mode: 'closed' }>;
  onClose: () => void;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrgForm>();
  const [placed, setPlaced] = useState(false);
  const editing = state.mode === 'edit' ? state.org : null;
  const labels = {
    kind: t('orgs.kind'),
    unitType: t('orgs.unitType'),
    name: t('orgs.name'),
    regionCode: t('orgs.regionCode'),
    creditCode: t('orgs.creditCode'),
  };
  const mutation = useMutation({
    mutationFn: (values: OrgForm) => {
      const kind = state.mode === 'edit' ? state.org.kind : values.kind;
      const fields = {
        ...(kind === 'unit' ? { unitType: values.unitType } : {}),
        name: values.name.trim(),
        regionCode: blank(values.regionCode),
        creditCode: blank(values.creditCode)?.toUpperCase(),
      };
      return state.mode === 'edit'
        ? updateOrg(state.org.id, fields)
        : createOrg({ ...fields, parentId: state.parent.id, kind: values.kind });
    },
    onMutate: () => {
      setPlaced(false);
    },
    onSuccess: () => {
      message.success(editing ? t('form.saved') : t('orgs.created'));
      void queryClient.invalidateQueries({ queryKey: ['orgs'] });
      onClose();
    },
    onError: (error) => {
      setPlaced(applyServerErrors(form, error, labels, t));
    },
  });

  return (
    <FormDrawer
      title={
        state.mode === 'edit'
          ? t('orgs.editTitle', { name: state.org.name })
          : t('orgs.createTitle', { parent: state.parent.name })
      }
      size={480}
      onClose={onClose}
      onSave={() => {
        form.submit();
      }}
      saving={mutation.isPending}
      error={mutation.error}
      placed={placed}
    >
      <Form<OrgForm>
        form={form}
        name="org"
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={
          editing
            ? {
                kind: editing.kind,
                ...(editing.unitType ? { unitType: editing.unitType } : {}),
                name: editing.name,
                regionCode: editing.regionCode ?? '',
                creditCode: editing.creditCode ?? '',
              }
            : { regionCode: state.mode === 'create' ? (state.parent.regionCode ?? '') : '' }
        }
        onFinish={(values) => {
          mutation.mutate(values);
        }}
      >
        <Form.Item
          label={labels.kind}
          name="kind"
          rules={[{ required: true, message: t('form.select', { field: labels.kind }) }]}
        >
          <Select
            disabled={editing !== null}
            options={orgKinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'unit' ? (
              <Form.Item
                label={labels.unitType}
                name="unitType"
                rules={[{ required: true, message: t('form.select', { field: labels.unitType }) }]}
              >
                <Select options={unitTypes.map((u) => ({ value: u, label: t(`unitType.${u}`) }))} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item
          label={labels.name}
          name="name"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('form.required', { field: labels.name }),
            },
            { min: 2, message: t('form.tooShort', { field: labels.name, min: 2 }) },
            { max: 100, message: t('form.tooLong', { field: labels.name, max: 100 }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={labels.regionCode}
          name="regionCode"
          rules={[{ pattern: regionCodePattern, message: t('orgs.regionCodeInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={6} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={labels.creditCode}
          name="creditCode"
          rules={[
            {
              validator: (_rule, value: unknown) => {
                const problem = typeof value === 'string' ? creditCodeProblem(value) : undefined;
                return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" spellCheck={false} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
