/**
 * The Chinese messages every signed-in page may use (the layout, the menu, the learner's
 * pages: credits, claims, the year, policy packs, codes), loaded with the session guard
 * (setup.ts `loadConsoleMessages`). What only the admin pages say is in zh-CN-admin.ts,
 * loaded with those pages, so a learner's phone does not fetch it (ADR 0030); what the
 * public pages say is in zh-CN-startup.ts.
 */
import { navMessages } from './zh-CN/nav';
import { creditsMessages } from './zh-CN/credits';
import { selfReportFormMessages } from './zh-CN/self-report-form';
import { codesMessages } from './zh-CN/codes';
import { policyPacksMessages } from './zh-CN/policy-packs';
import { evidenceDocumentsMessages } from './zh-CN/evidence-documents';
import { noticeRulesMessages } from './zh-CN/notice-rules';
import { twoFactorMessages } from './zh-CN/two-factor';
import { notificationsMessages } from './zh-CN/notifications';
import { calendarMessages } from './zh-CN/calendar';

export const zhCNConsole = {
  ...navMessages,
  ...creditsMessages,
  ...selfReportFormMessages,
  ...codesMessages,
  ...policyPacksMessages,
  ...evidenceDocumentsMessages,
  ...noticeRulesMessages,
  ...twoFactorMessages,
  ...notificationsMessages,
  ...calendarMessages,
};
