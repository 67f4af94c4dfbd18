import type { Messages } from './zh-CN';
import { commonMessages } from './en-US/common';
import { authMessages } from './en-US/auth';
import { vocabularyMessages } from './en-US/vocabulary';
import { navMessages } from './en-US/nav';
import { orgsMessages } from './en-US/orgs';
import { peopleMessages } from './en-US/people';
import { importsMessages } from './en-US/imports';
import { jobsMessages } from './en-US/jobs';
import { projectsMessages } from './en-US/projects';
import { creditsMessages } from './en-US/credits';
import { statisticsMessages } from './en-US/statistics';
import { reviewsMessages } from './en-US/reviews';
import { awardsMessages } from './en-US/awards';
import { bulkEntryMessages } from './en-US/bulk-entry';
import { accountsMessages } from './en-US/accounts';
import { rulesMessages } from './en-US/rules';
import { auditLogMessages } from './en-US/audit-log';
import { platformsMessages } from './en-US/platforms';
import { auditMessages } from './en-US/audit';
import { checkinsMessages } from './en-US/checkins';
import { cardsMessages } from './en-US/cards';
import { dashboardsMessages } from './en-US/dashboards';
import { certificatesMessages } from './en-US/certificates';
import { certificateRegisterMessages } from './en-US/certificate-register';
import { fraudMessages } from './en-US/fraud';
import { hrDeliveriesMessages } from './en-US/hr-deliveries';
import { backupsMessages } from './en-US/backups';
import { selfReportFormMessages } from './en-US/self-report-form';
import { evidenceDocumentsMessages } from './en-US/evidence-documents';
import { notificationsMessages } from './en-US/notifications';
import { unsubscribeMessages } from './en-US/unsubscribe';
import { codesMessages } from './en-US/codes';
import { auditVocabularyMessages } from './en-US/audit-vocabulary';
import { policyPacksMessages } from './en-US/policy-packs';
import { phoneMessages } from './en-US/phone';
import { frameMessages } from './en-US/frame';
import { noticeRulesMessages } from './en-US/notice-rules';
import { twoFactorMessages } from './en-US/two-factor';
import { calendarMessages } from './en-US/calendar';

export const enUS: Messages = {
  ...commonMessages,
  ...authMessages,
  ...vocabularyMessages,
  ...navMessages,
  ...orgsMessages,
  ...peopleMessages,
  ...importsMessages,
  ...jobsMessages,
  ...projectsMessages,
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
  ...checkinsMessages,
  ...cardsMessages,
  ...dashboardsMessages,
  ...certificatesMessages,
  ...certificateRegisterMessages,
  ...fraudMessages,
  ...hrDeliveriesMessages,
  ...backupsMessages,
  ...selfReportFormMessages,
  ...evidenceDocumentsMessages,
  ...codesMessages,
  ...auditVocabularyMessages,
  ...policyPacksMessages,
  ...phoneMessages,
  ...frameMessages,
  ...noticeRulesMessages,
  ...twoFactorMessages,
  ...notificationsMessages,
  ...unsubscribeMessages,
  ...calendarMessages,
};
