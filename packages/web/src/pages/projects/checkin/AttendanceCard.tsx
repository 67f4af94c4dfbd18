import { Card, Flex, InputNumber, Select, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Attendee, AttendanceRuleInput } from '@jijiao/contracts';
import { fetchAttendance, setAttendanceRule } from '../../../api';
import { errorText } from '../../../i18n/error-message';
import { useT } from '../../../i18n/use-t';
import { useFeedback } from '../../../components/feedback';

/** Who attended what, judged by the project's rule: the input of the host's award batch. */
export function AttendanceCard({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const attendance = useQuery({
    queryKey: ['checkin', projectId, 'attendance'],
    queryFn: () => fetchAttendance(projectId),
  });
  const rule = useMutation({
    mutationFn: (input: AttendanceRuleInput) => setAttendanceRule(projectId, input),
    onSuccess: (data) => {
      queryClient.setQueryData(['checkin', projectId, 'attendance'], data);
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  const data = attendance.data;
  const current = data?.rule;

  return (
    <Card
      title={t('checkin.attendance')}
      extra={
        data
          ? t('checkin.attendanceSummary', {
              sessions: data.sessionCount,
              hours: data.totalHours,
              qualifying: data.qualifyingCount,
              attendees: data.attendees.length,
            })
          : null
      }
    >
      {current && (
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <span>{t('checkin.rule')}</span>
          <Select
            disabled={!canEdit}
            value={current.kind}
            style={{ width: 200 }}
            options={[
              { value: 'all_sessions', label: t('checkin.ruleAll') },
              { value: 'share_of_hours', label: t('checkin.ruleShare') },
            ]}
            onChange={(kind) => {
              rule.mutate(
                kind === 'all_sessions' ? { kind } : { kind: 'share_of_hours', minShare: 0.8 },
              );
            }}
          />
          {current.kind === 'share_of_hours' && (
            <InputNumber
              disabled={!canEdit}
              min={1}
              max={100}
              precision={0}
              value={Math.round(current.minShare * 100)}
              suffix="%"
              onChange={(value) => {
                if (value !== null) rule.mutate({ kind: 'share_of_hours', minShare: value / 100 });
              }}
            />
          )}
          {canEdit && (
            <Link
              to={`/projects/${encodeURIComponent(projectId)}/awards`}
              style={{ marginLeft: 'auto' }}
              data-testid="to-awards"
            >
              {t('checkin.toAwards')}
            </Link>
          )}
        </Flex>
      )}
      <Table<Attendee>
        rowKey="personId"
        size="small"
        loading={attendance.isPending}
        dataSource={data?.attendees ?? []}
        columns={[
          { title: t('checkin.name'), dataIndex: 'name' },
          { title: t('checkin.idNumber'), dataIndex: 'idNumberMasked' },
          { title: t('checkin.unit'), dataIndex: 'unitName' },
          { title: t('checkin.sessionsAttended'), dataIndex: 'sessionsAttended' },
          { title: t('checkin.hoursAttended'), dataIndex: 'hoursAttended' },
          {
            title: t('checkin.qualifies'),
            dataIndex: 'qualifies',
            render: (q: boolean) =>
              q ? <Tag color="green">{t('checkin.yes')}</Tag> : <Tag>{t('checkin.no')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
