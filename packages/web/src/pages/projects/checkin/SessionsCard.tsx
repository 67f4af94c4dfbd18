import { Button, Card, Form, Input, InputNumber, Popconfirm, Switch, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProjectSession, ProjectSessionCreate } from '@jijiao/contracts';
import { createSession, deleteSession, listSessions } from '../../../api';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { useFeedback } from '../../../components/feedback';

/** The project's check-in sessions: list, add, delete (only while nobody checked in). */
export function SessionsCard({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProjectSessionCreate>();
  const sessions = useQuery({
    queryKey: ['checkin', projectId, 'sessions'],
    queryFn: () => listSessions(projectId),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['checkin', projectId] });
  const onError = (error: unknown) => {
    message.error(errorText(t, error));
  };
  const add = useMutation({
    mutationFn: (body: ProjectSessionCreate) => createSession(projectId, body),
    onSuccess: () => {
      form.resetFields();
      void refresh();
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteSession(projectId, id),
    onSuccess: () => void refresh(),
    onError,
  });

  return (
    <Card title={t('checkin.sessions')}>
      <Table<ProjectSession>
        rowKey="id"
        size="small"
        pagination={false}
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        data-testid="session-table"
        columns={[
          { title: t('checkin.date'), dataIndex: 'date' },
          {
            title: t('checkin.time'),
            key: 'time',
            render: (_v: unknown, s) => `${s.startTime}–${s.endTime}`,
          },
          { title: t('checkin.hours'), dataIndex: 'hours' },
          { title: t('checkin.place'), dataIndex: 'place' },
          { title: t('checkin.checkInCount'), dataIndex: 'checkInCount' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, s) =>
              canEdit && s.checkInCount === 0 ? (
                <Popconfirm
                  title={t('checkin.deleteSession')}
                  onConfirm={() => {
                    remove.mutate(s.id);
                  }}
                >
                  <Button type="link" size="small" danger>
                    {t('checkin.delete')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {canEdit && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          initialValues={{ registrationRequired: false }}
          onFinish={(values) => {
            add.mutate(values);
          }}
        >
          <Form.Item name="date" label={t('checkin.date')} rules={[{ required: true }]}>
            <Input placeholder="2026-12-05" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="startTime" label={t('checkin.start')} rules={[{ required: true }]}>
            <Input placeholder="08:30" style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="endTime" label={t('checkin.end')} rules={[{ required: true }]}>
            <Input placeholder="11:30" style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="hours" label={t('checkin.hours')} rules={[{ required: true }]}>
            <InputNumber min={0.1} max={24} step={0.5} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="place" label={t('checkin.place')} rules={[{ required: true }]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="registrationRequired"
            label={t('checkin.registrationRequired')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('checkin.addSession')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
