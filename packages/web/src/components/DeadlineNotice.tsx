import { Alert, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { CalendarDay } from '@jijiao/contracts';
import { fetchMyDeadlines, myDeadlinesKey } from '../api/calendar';
import { useT } from '../i18n/use-t';

/** Warn when the nearest day still ahead is this close. */
const warnWithinDays = 30;

/**
 * The province calendar's days that concern the signed-in user this year, each with the
 * days left (ADR 0039): on the learner's home and the admins' 工作台. Nothing when the
 * province has set no calendar, or while it loads (the page does not wait for it).
 */
export function DeadlineNotice({
  year,
  spaced = false,
}: {
  year?: number | undefined;
  /** Leave room below (on a page that does not space its children). */
  spaced?: boolean;
}) {
  const { t } = useT();
  const mine = useQuery({
    queryKey: myDeadlinesKey(year),
    queryFn: () => fetchMyDeadlines(year),
    staleTime: 60_000,
  });
  const days = mine.data?.days ?? [];
  if (!mine.data || days.length === 0) return null;
  const left = (day: CalendarDay) =>
    day.daysLeft > 0
      ? t('calendar.daysLeft', { days: day.daysLeft })
      : day.daysLeft === 0
        ? t('calendar.today')
        : t('calendar.passed', { days: -day.daysLeft });
  const next = days.find((d) => d.daysLeft >= 0);
  return (
    <Alert
      data-testid="deadline-notice"
      style={spaced ? { marginBottom: 16 } : undefined}
      type={next && next.daysLeft <= warnWithinDays ? 'warning' : 'info'}
      showIcon
      title={t('calendar.noticeTitle', { year: mine.data.year })}
      description={
        <Flex vertical gap={2}>
          {days.map((day) => (
            <Typography.Text
              key={day.key}
              data-testid={`deadline-${day.key}`}
              type={day.daysLeft < 0 ? 'secondary' : undefined}
            >
              {t('calendar.line', { label: t(`calendar.day.${day.key}`), date: day.date })}
              {' · '}
              <Typography.Text strong={day === next}>{left(day)}</Typography.Text>
            </Typography.Text>
          ))}
        </Flex>
      }
    />
  );
}
