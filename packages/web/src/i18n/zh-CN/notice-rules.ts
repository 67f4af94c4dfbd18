/**
 * Rules the source notices state (issue 23): residency training (规培), remote education
 * under the 2006 measures, credits entered in their own year (Hunan), in words.
 */
export const noticeRulesMessages = {
  noticeRules: {
    residencySatisfiesYear:
      '年度考核合格的，视为达到当年要求（不另计学分）；考核未合格的不授分，最后一年须结业考核合格',
    residencyCredits:
      '年度考核合格的授 {{credits}} 学分；考核未合格的不授分，最后一年须结业考核合格',
    remoteOnly: '（远程参加）',
    onSiteOnly: '（现场参加）',
    entryYear: '学分按年度录入，方可视为当年有效学分：学分年度结束后不再受理该年度的学分录入',
    yearClosed:
      '{{year}} 年度已于 {{closedOn}} 截止录入：本省学分须在当年录入方为有效学分，不能再录入该年度的学分。',
  },
};

export type NoticeRulesMessages = typeof noticeRulesMessages;
