import { useState } from 'react';
import { Button, Card, Form, Input, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarDayKeys, type CalendarDayKey, type CalendarSet } from '@jijiao/contracts';
import { isApiError } from '../../api';
import { fetchProvinceCalendar, saveProvinceCalendar } from '../../api/calendar';
import { FormError } from '../../components/FormError';
import { NativeSelect } from '../../components/NativeSelect';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoading } from '../../components/PageState';
import { Paragraph, Text } from '../../components/Type';
import { useFeedback } from '../../components/feedback';
import { applyServerErrors } from '../../forms/apply-server-errors';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { formatDateTime } from '../../utils/format';

type Values = Record<CalendarDayKey, string> & { note: string };
const required: readonly CalendarDayKey[] = [
  'entryCloses',
  'unitAuditDue',
  'cityAuditDue',
  'provinceFiling',
];
const thisYear = () => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/**
 * 年度日历 (ADR 0039): the provincial office sets each year's days — entry closes, the unit,
 * city and province audit days, the early-audit window — which the learners' and admins'
 * home pages show with days left and which close entry and review.
 */
export function CalendarPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const { grant } = useSession();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const [form] = Form.useForm<Values>();
  const [placed, setPlaced] = useState(false);
  const key = ['calendar', grant.orgId, year] as const;
  const query = useQuery({
    queryKey: key,
    queryFn: () =>
      fetchProvinceCalendar(grant.orgId, year).catch((error: unknown) => {
        if (isApiError(error, 'not_found')) return null;
        throw error;
      }),
  });
  const labels = Object.fromEntries(
    calendarDayKeys.map((k) => [k, t(`calendar.day.${k}`)]),
  ) as Record<CalendarDayKey, string>;
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: CalendarSet = {
        entryCloses: values.entryCloses,
        unitAuditDue: values.unitAuditDue,
        cityAuditDue: values.cityAuditDue,
        provinceFiling: values.provinceFiling,
        earlyAuditOpens: values.earlyAuditOpens || null,
        earlyAuditCloses: values.earlyAuditCloses || null,
        note: values.note || null,
      };
      return saveProvinceCalendar(grant.orgId, year, body);
    },
    onSuccess: (saved) => {
      message.success(t('calendar.saved'));
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: ['calendar', 'mine'] });
    },
    onError: (error) => {
      setPlaced(applyServerErrors(form, error, labels, t));
    },
  });
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <PageLoading />;
  const saved = query.data;
  const initial: Values = {
    entryCloses: saved?.entryCloses ?? '',
    unitAuditDue: saved?.unitAuditDue ?? '',
    cityAuditDue: saved?.cityAuditDue ?? '',
    provinceFiling: saved?.provinceFiling ?? '',
    earlyAuditOpens: saved?.earlyAuditOpens ?? '',
    earlyAuditCloses: saved?.earlyAuditCloses ?? '',
    note: saved?.note ?? '',
  };
  return (
    <Card data-testid="calendar-page">
      <PageHeader
        title={t('calendar.title')}
        extra={
          <NativeSelect<number>
            aria-label={t('calendar.year')}
            data-testid="calendar-year"
            value={year}
            width={120}
            options={[thisYear() + 1, thisYear(), thisYear() - 1].map((y) => ({
              value: y,
              label: t('year.yearOption', { year: y }),
            }))}
            onChange={setYear}
          />
        }
      />
      <Paragraph type="secondary">{t('calendar.intro')}</Paragraph>
      {saved ? (
        <Text type="secondary">
          {t('calendar.updatedAt', { at: formatDateTime(saved.updatedAt) })}
        </Text>
      ) : (
        <Text type="danger" data-testid="calendar-not-set">
          {t('calendar.notSet', { year })}
        </Text>
      )}
      <FormError error={save.error} placed={placed} />
      <Form<Values>
        key={`${String(year)}:${saved?.updatedAt ?? 'new'}`}
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => {
          save.mutate(values);
        }}
        style={{ maxWidth: 480, marginTop: 16 }}
      >
        {calendarDayKeys.map((day) => (
          <Form.Item
            key={day}
            name={day}
            label={labels[day]}
            rules={required.includes(day) ? [{ required: true }] : []}
          >
            <Input type="date" data-testid={`calendar-${day}`} />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('calendar.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('calendar.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
