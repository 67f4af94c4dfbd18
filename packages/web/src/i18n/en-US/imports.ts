import type { ImportsMessages } from '../zh-CN/imports';

export const importsMessages: ImportsMessages = {
  imports: {
    peopleTitle: 'Import staff',
    projectsTitle: 'Import projects',
    back: 'Back to the list',
    step: {
      template: 'Download the template',
      file: 'Choose the file',
      check: 'Dry run',
      write: 'Import',
    },
    templateButton: 'Download template',
    templateHint:
      'Fill in one record per row under the template’s headers. Format the ID number column as Text, or Excel loses its last digits.',
    unit: 'Import into unit',
    unitPlaceholder: 'Choose a unit (or leave empty to use the file’s unit column)',
    chooseFile: 'Choose an Excel file',
    fileHint: 'Only .xlsx files.',
    noFile: 'No file chosen',
    dryRun: 'Dry run (check only)',
    write: 'Import',
    writeHint: 'Run a dry run first; import once it passes.',
    reportTitle: {
      dryRunOk: 'Check passed: ready to import',
      written: 'Import finished',
      invalid: '{{count}} problems found; nothing was written',
    },
    invalidHint:
      'Fix the file as listed below and upload it again; if any row is wrong, nothing in the file is imported.',
    rows: '{{count}} rows',
    created: '{{count}} created',
    updated: '{{count}} updated',
    unchanged: '{{count}} unchanged',
    issue: 'Row {{row}}, {{column}}: {{message}}',
    issueRow: 'Row',
    issueColumn: 'Column',
    issueMessage: 'Problem',
    issueText: 'Description',
    creditsTitle: 'Import credits',
    creditsUnitPlaceholder: 'Choose a unit',
    creditsHint:
      'Imported credits are submitted into the unit’s review chain; the rules engine values them.',
  },
};
