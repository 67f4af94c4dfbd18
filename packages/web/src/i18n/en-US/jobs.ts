import type { JobsMessages } from '../zh-CN/jobs';

export const jobsMessages: JobsMessages = {
  jobs: {
    queued: 'Submitted, waiting in the queue…',
    reading: 'Reading the file…',
    checking: '{{done}} of {{total}} rows processed',
    checkingSoFar: '{{done}} rows processed so far…',
    failed: 'The import could not finish',
    downloadReport: 'Download the import report',
    leaveHint:
      'You may leave this page: the import goes on in the background; come back by this page’s link to see its progress and report.',
    kind: {
      people_import: 'People import',
      projects_import: 'Project import',
      credits_import: 'Credit import',
      certificate_pdfs: 'Certificate PDFs',
    },
    status: { queued: 'Queued', running: 'Running', succeeded: 'Done', failed: 'Not finished' },
  },
};
