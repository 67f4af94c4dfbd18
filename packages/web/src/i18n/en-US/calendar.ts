import type { CalendarMessages } from '../zh-CN/calendar';

export const calendarMessages: CalendarMessages = {
  calendar: {
    nav: 'Year calendar',
    title: 'Province calendar',
    intro:
      'The days that matter in each credit year. After entry closes, no channel may enter or first submit credits of that year; claims already in review may still be reviewed, returned, corrected and resubmitted until the unit audit is due.',
    year: 'Year',
    notSet: 'No calendar set for {{year}}.',
    save: 'Save calendar',
    saved: 'Calendar saved.',
    note: 'Note',
    updatedAt: 'Last changed: {{at}}',
    day: {
      entryCloses: 'Credit entry closes',
      unitAuditDue: 'Unit audit due',
      cityAuditDue: 'City audit due',
      provinceFiling: 'Province filing',
      earlyAuditOpens: 'Early audit opens',
      earlyAuditCloses: 'Early audit closes',
    },
    noticeTitle: 'Key dates of {{year}}',
    daysLeft: '{{days}} days left',
    today: 'today',
    passed: '{{days}} days ago',
    line: '{{label}}: {{date}}',
  },
};
