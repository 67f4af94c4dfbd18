/**
 * The Chinese messages of the signed-in console, loaded with the session guard
 * (setup.ts `loadConsoleMessages`); what the public pages say is in zh-CN-startup.ts.
 */
import { navMessages } from './zh-CN/nav';
import { orgsMessages } from './zh-CN/orgs';
import { peopleMessages } from './zh-CN/people';
import { importsMessages } from './zh-CN/imports';
import { jobsMessages } from './zh-CN/jobs';
import { creditsMessages } from './zh-CN/credits';
import { statisticsMessages } from './zh-CN/statistics';
import { reviewsMessages } from './zh-CN/reviews';
import { awardsMessages } from './zh-CN/awards';
import { bulkEntryMessages } from './zh-CN/bulk-entry';
import { accountsMessages } from './zh-CN/accounts';
import { rulesMessages } from './zh-CN/rules';
import { auditLogMessages } from './zh-CN/audit-log';
import { platformsMessages } from './zh-CN/platforms';
import { auditMessages } from './zh-CN/audit';
import { cardsMessages } from './zh-CN/cards';
import { dashboardsMessages } from './zh-CN/dashboards';
import { certificateRegisterMessages } from './zh-CN/certificate-register';
import { fraudMessages } from './zh-CN/fraud';
import { hrDeliveriesMessages } from './zh-CN/hr-deliveries';
import { selfReportFormMessages } from './zh-CN/self-report-form';
import { codesMessages } from './zh-CN/codes';
import { auditVocabularyMessages } from './zh-CN/audit-vocabulary';
import { policyPacksMessages } from './zh-CN/policy-packs';
import { evidenceDocumentsMessages } from './zh-CN/evidence-documents';
import { noticeRulesMessages } from './zh-CN/notice-rules';

export const zhCNConsole = {
  ...navMessages,
  ...orgsMessages,
  ...peopleMessages,
  ...importsMessages,
  ...jobsMessages,
  ...creditsMessages,
  ...statisticsMessages,
  ...reviewsMessages,
  ...awardsMessages,
  ...bulkEntryMessages,
  ...accountsMessages,
  ...rulesMessages,
  ...auditLogMessages,
  ...platformsMessages,
  ...auditMessages,
  ...cardsMessages,
  ...dashboardsMessages,
  ...certificateRegisterMessages,
  ...fraudMessages,
  ...hrDeliveriesMessages,
  ...selfReportFormMessages,
  ...codesMessages,
  ...auditVocabularyMessages,
  ...policyPacksMessages,
  ...evidenceDocumentsMessages,
  ...noticeRulesMessages,
};
