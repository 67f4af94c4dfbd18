import type { NoticeRulesMessages } from '../zh-CN/notice-rules';

export const noticeRulesMessages: NoticeRulesMessages = {
  noticeRules: {
    residencySatisfiesYear:
      'A year whose assessment is passed meets that year’s requirements (adding no credits); a failed one earns nothing, and the final year needs the final assessment passed',
    residencyCredits:
      'A year whose assessment is passed earns {{credits}} credits; a failed one earns nothing, and the final year needs the final assessment passed',
    remoteOnly: ' (attended remotely)',
    onSiteOnly: ' (attended on site)',
    entryYear:
      'Credits count only in the year they are entered: once a credit year has ended, no credit of that year is taken',
    yearClosed:
      'Entry for {{year}} closed on {{closedOn}}: here credits count only in the year they are entered, so no credit of that year can be entered any more.',
  },
};
