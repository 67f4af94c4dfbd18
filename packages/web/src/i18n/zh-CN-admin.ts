/**
 * The Chinese messages of the admin pages (organisations, people, reviews, audits,
 * statistics, dashboards…), loaded with any signed-in page but the learner's home
 * (setup.ts `loadAdminMessages`, ADR 0030).
 */
import { orgsMessages } from './zh-CN/orgs';
import { peopleMessages } from './zh-CN/people';
import { importsMessages } from './zh-CN/imports';
import { jobsMessages } from './zh-CN/jobs';
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
import { backupsMessages } from './zh-CN/backups';
import { auditVocabularyMessages } from './zh-CN/audit-vocabulary';

export const zhCNAdmin = {
  ...orgsMessages,
  ...peopleMessages,
  ...importsMessages,
  ...jobsMessages,
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
  ...backupsMessages,
  ...auditVocabularyMessages,
};
