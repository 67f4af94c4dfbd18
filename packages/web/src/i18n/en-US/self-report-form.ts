import type { SelfReportFormMessages } from '../zh-CN/self-report-form';

export const selfReportFormMessages: SelfReportFormMessages = {
  selfReportForm: {
    dateFuture: 'The date cannot be later than today',
    dateClosedYear: 'Only credits of {{years}} can be reported; earlier years are closed',
    wholeNumber: '{{field}} must be a whole number of at least 1',
    positive: '{{field}} must be more than 0',
    notNegative: '{{field}} cannot be negative',
    evidenceMissing: 'Upload the evidence: a {{type}} needs at least {{count}} file(s)',
    hostProvince: 'Host province',
    hostProvincePlaceholder: 'Choose a province, or type its name',
    otherRegion: 'Other region',
    fixFields: 'Correct the fields marked in red first',
    lookup: 'Find the filed project',
    lookupFound:
      'Filled from the filed project: {{name}} ({{host}}, {{start}} to {{end}}, {{credits}} credits per attendee)',
    lookupNone: 'No filed project has the number {{number}}; check it or fill the form by hand',
    lookupFailed:
      'The filed projects could not be searched; try again later or fill the form by hand',
    activity: 'The activity',
    closedYearNotice: 'Self-reports for {{year}} are closed',
  },
};
