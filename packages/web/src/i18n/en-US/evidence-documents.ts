import type { EvidenceDocumentsMessages } from '../zh-CN/evidence-documents';

/** The documents evidence files are (pack `evidence`): one upload slot each, and the checklist. */
export const evidenceDocumentsMessages: EvidenceDocumentsMessages = {
  evidenceDocuments: {
    kind: {
      credit_certificate: 'Credit certificate',
      article_or_retrieval: 'Article page or retrieval report',
      completion_certificate: 'Completion certificate',
      dispatch_document: 'Dispatch document',
      receiving_unit_evaluation: 'Receiving unit’s evaluation',
      platform_credit_screenshot: 'Platform credit screenshot',
      residency_assessment: 'Residency assessment result',
      supporting_document: 'Supporting document',
    },
    hint: {
      credit_certificate:
        'The original credit certificate: project name, number, dates and credits awarded',
      article_or_retrieval: 'The page the article was published on, or a retrieval report',
      completion_certificate: 'The certificate of completing further study',
      dispatch_document: 'The sending unit’s dispatch document',
      receiving_unit_evaluation: 'The receiving unit’s evaluation of the person sent',
      platform_credit_screenshot: 'A screenshot of the credits on the learning platform',
      residency_assessment:
        'The training year’s assessment result (the final assessment in the last year)',
      supporting_document: 'A document showing the activity',
    },
    asked: 'Documents to upload',
    noneAsked: 'No document is needed for this kind of activity; attach any you like',
    upload: 'Upload the {{kind}}',
    other: 'Other files',
    missing: 'Upload: {{kinds}}',
    checklist: 'Document check',
    attached: 'Attached',
    notAttached: 'Missing',
    noFileKind: 'Document not said',
    rules: {
      documents: '{{type}}: {{documents}}',
      filedProjects:
        '{{levels}} projects must be found among the filed projects (by number, or by name and dates), and count at the registry’s hours and credits',
    },
  },
};
