import { useState } from 'react';
import { Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { projectLevels, type Project, type ProjectLevel } from '@jijiao/contracts';
import { createProject, updateProject } from '../../../../api';
import { FormDrawer } from '../../../../components/FormDrawer';
import { applyServerErrors } from '../../../../forms/apply-server-errors';
import { useT } from '../../../../i18n/use-t';
import { isTenths, projectNumberProblem } from '../../project-validation';
import { useFeedback } from '../../../../components/feedback';

interface ProjectForm {
  number: string;
  name: string;
  level: ProjectLevel;
  startDate: string;
  endDate: string;
  place: string;
  hours: number;
  attendeeCredits: number;
  speakerCredits: number;
  tcm: boolean;
  remote: boolean;
}

export type ProjectDrawerState =
  { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; project: Project };

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** 新建项目 / 编辑项目 (drafts only), by the host. */
export function ProjectDrawer({
  state,
  hostId,
  onClose,
}: {
  state: ProjectDrawerState;
  hostId: string;
  onClose: () => void;
}) {
  if (state.mode === 'closed') return null;
  const editing = state.mode === 'edit' ? state.project : null;
  return (
    <OpenProjectDrawer
      key={editing?.id ?? 'new'}
      editing={editing}
      hostId={hostId}
      onClose={onClose}
    />
  );
}

function OpenProjectDrawer({
  editing,
  hostId,
  onClose,
}: {
  editing: Project | null;
  hostId: string;
  onClose: () => void;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProjectForm>();
  const [placed, setPlaced] = useState(false);
  const labels = {
    number: t('projects.number'),
    name: t('projects.name'),
    level: t('projects.level'),
    startDate: t('projects.startDate'),
    endDate: t('projects.endDate'),
    place: t('projects.place'),
    hours: t('projects.hours'),
    attendeeCredits: t('projects.attendeeCredits'),
    speakerCredits: t('projects.speakerCredits'),
    tcm: t('projects.tcm'),
    remote: t('projects.remote'),
  };
  const required = (field: keyof typeof labels) => ({
    required: true,
    message: t('form.required', { field: labels[field] }),
  });
  const credits = (field: 'attendeeCredits' | 'speakerCredits') => [
    required(field),
    {
      validator: (_rule: unknown, value: unknown) =>
        typeof value === 'number' && !isTenths(value)
          ? Promise.reject(new Error(t('projects.creditsStep')))
          : Promise.resolve(),
    },
  ];

  const mutation = useMutation({
    mutationFn: (values: ProjectForm) => {
      const body = {
        number: values.number.trim(),
        name: values.name.trim(),
        level: values.level,
        startDate: values.startDate,
        endDate: values.endDate,
        place: values.place.trim(),
        hours: values.hours,
        attendeeCredits: values.attendeeCredits,
        speakerCredits: values.speakerCredits,
        tcm: values.tcm,
        remote: values.remote,
      };
      return editing ? updateProject(editing.id, body) : createProject({ ...body, hostId });
    },
    onMutate: () => {
      setPlaced(false);
    },
    onSuccess: () => {
      message.success(editing ? t('form.saved') : t('projects.created'));
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      onClose();
    },
    onError: (error) => {
      setPlaced(applyServerErrors(form, error, labels, t));
    },
  });

  return (
    <FormDrawer
      title={editing ? t('projects.editTitle', { name: editing.name }) : t('projects.createTitle')}
      size={560}
      onClose={onClose}
      onSave={() => {
        form.submit();
      }}
      saving={mutation.isPending}
      error={mutation.error}
      placed={placed}
    >
      <Form<ProjectForm>
        form={form}
        name="project"
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={editing ?? { tcm: false, remote: false }}
        onFinish={(values) => {
          mutation.mutate(values);
        }}
      >
        <Form.Item
          label={labels.level}
          name="level"
          rules={[{ required: true, message: t('form.select', { field: labels.level }) }]}
        >
          <Select
            options={projectLevels.map((l) => ({ value: l, label: t(`projectLevel.${l}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={labels.number}
          name="number"
          extra={t('projects.numberHint')}
          dependencies={['level']}
          rules={[
            { ...required('number'), whitespace: true },
            ({ getFieldValue }) => ({
              validator: (_rule, value: unknown) => {
                const problem =
                  typeof value === 'string'
                    ? projectNumberProblem(value, getFieldValue('level') as ProjectLevel)
                    : undefined;
                return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item
          label={labels.name}
          name="name"
          rules={[
            { ...required('name'), whitespace: true },
            { min: 2, message: t('form.tooShort', { field: labels.name, min: 2 }) },
            { max: 200, message: t('form.tooLong', { field: labels.name, max: 200 }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            label={labels.startDate}
            name="startDate"
            style={{ flex: 1 }}
            rules={[
              required('startDate'),
              {
                pattern: datePattern,
                message: t('form.invalidField', { field: labels.startDate }),
              },
            ]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            label={labels.endDate}
            name="endDate"
            style={{ flex: 1 }}
            dependencies={['startDate']}
            rules={[
              required('endDate'),
              { pattern: datePattern, message: t('form.invalidField', { field: labels.endDate }) },
              ({ getFieldValue }) => ({
                validator: (_rule, value: unknown) => {
                  const start: unknown = getFieldValue('startDate');
                  return typeof value === 'string' &&
                    typeof start === 'string' &&
                    start !== '' &&
                    value < start
                    ? Promise.reject(new Error(t('projects.endBeforeStart')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </Flex>
        <Form.Item
          label={labels.place}
          name="place"
          rules={[
            { ...required('place'), whitespace: true },
            { max: 200, message: t('form.tooLong', { field: labels.place, max: 200 }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item label={labels.hours} name="hours" rules={[required('hours')]}>
            <InputNumber<number> min={0.1} max={2000} step={0.5} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            label={labels.attendeeCredits}
            name="attendeeCredits"
            rules={credits('attendeeCredits')}
          >
            <InputNumber<number> min={0} max={100} step={0.1} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            label={labels.speakerCredits}
            name="speakerCredits"
            rules={credits('speakerCredits')}
          >
            <InputNumber<number> min={0} max={100} step={0.1} style={{ width: 140 }} />
          </Form.Item>
        </Flex>
        <Flex gap={32}>
          <Form.Item label={labels.tcm} name="tcm" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label={labels.remote} name="remote" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}
