/**
 * The Chinese messages of the pages outside the session guard — sign-in, certificate
 * verification, the public project search, the kiosk — and of the frame every page shares
 * (errors, loading, lists). In the start-up bundle; the console's messages load with the
 * session guard (zh-CN-console.ts, ADR 0022).
 */
import { commonMessages } from './zh-CN/common';
import { authMessages } from './zh-CN/auth';
import { vocabularyMessages } from './zh-CN/vocabulary';
import { projectsMessages } from './zh-CN/projects';
import { checkinsMessages } from './zh-CN/checkins';
import { certificatesMessages } from './zh-CN/certificates';
import { phoneMessages } from './zh-CN/phone';
import { frameMessages } from './zh-CN/frame';
import { unsubscribeMessages } from './zh-CN/unsubscribe';

export const zhCNStartup = {
  ...commonMessages,
  ...authMessages,
  ...vocabularyMessages,
  ...projectsMessages,
  ...checkinsMessages,
  ...certificatesMessages,
  ...phoneMessages,
  ...frameMessages,
  ...unsubscribeMessages,
};
