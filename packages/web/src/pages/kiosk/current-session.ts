import type { ProjectSession } from '@jijiao/contracts';

/**
 * The session a kiosk should be on at `now` (local time): the one running (from 60 minutes
 * before its start to its end), else the next one today, else the last one today, else the
 * first one. The operator can always pick another.
 */
export function currentSession(
  sessions: readonly ProjectSession[],
  now: Date,
): ProjectSession | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const today = `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const minutes = now.getHours() * 60 + now.getMinutes();
  const minutesOf = (time: string) => {
    const [h = 0, m = 0] = time.split(':').map(Number);
    return h * 60 + m;
  };
  const todays = sessions.filter((s) => s.date === today);
  return (
    todays.find((s) => minutes >= minutesOf(s.startTime) - 60 && minutes <= minutesOf(s.endTime)) ??
    todays.find((s) => minutesOf(s.startTime) > minutes) ??
    todays.at(-1) ??
    sessions[0]
  );
}
