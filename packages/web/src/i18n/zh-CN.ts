/**
 * Chinese (the default language) is the source of truth for message keys: each area file in
 * `zh-CN/` exports its type, and the same area in `en-US/` must match it exactly, so a missing
 * or extra key fails to compile in the area where it is. Domain words follow docs/glossary
 * (学分, 审核, 单位…).
 */
import { commonMessages } from './zh-CN/common';
import { authMessages } from './zh-CN/auth';
import { vocabularyMessages } from './zh-CN/vocabulary';
import { navMessages } from './zh-CN/nav';
import { orgsMessages } from './zh-CN/orgs';
import { peopleMessages } from './zh-CN/people';
import { importsMessages } from './zh-CN/imports';
import { jobsMessages } from './zh-CN/jobs';
import { projectsMessages } from './zh-CN/projects';
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
import { checkinsMessages } from './zh-CN/checkins';
import { cardsMessages } from './zh-CN/cards';
import { dashboardsMessages } from './zh-CN/dashboards';
import { certificatesMessages } from './zh-CN/certificates';
import { certificateRegisterMessages } from './zh-CN/certificate-register';
import { fraudMessages } from './zh-CN/fraud';
import { hrDeliveriesMessages } from './zh-CN/hr-deliveries';
import { selfReportFormMessages } from './zh-CN/self-report-form';
import { codesMessages } from './zh-CN/codes';
import { auditVocabularyMessages } from './zh-CN/audit-vocabulary';
import { policyPacksMessages } from './zh-CN/policy-packs';
import { phoneMessages } from './zh-CN/phone';
import { frameMessages } from './zh-CN/frame';
import { noticeRulesMessages } from './zh-CN/notice-rules';

export const zhCN = {
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
  ...selfReportFormMessages,
  ...codesMessages,
  ...auditVocabularyMessages,
  ...policyPacksMessages,
  ...phoneMessages,
  ...frameMessages,
  ...noticeRulesMessages,
};

/** The shape every language must have: the Chinese tree with string leaves. */
export type Messages = typeof zhCN;
