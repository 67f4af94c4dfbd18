export const calendarMessages = {
  calendar: {
    nav: '年度日历',
    title: '省继教年度日历',
    intro:
      '设置本省各年度的关键日期。学分录入截止日后，任何渠道都不能再录入或首次提交该年度学分；已在审核中的申报可继续审核、退回后修改再提交，直到单位审验截止日。',
    year: '年度',
    notSet: '{{year}} 年度尚未设置日历。',
    save: '保存日历',
    saved: '日历已保存。',
    note: '备注',
    updatedAt: '最近修改：{{at}}',
    day: {
      entryCloses: '学分录入截止',
      unitAuditDue: '单位审验截止',
      cityAuditDue: '市州审验截止',
      provinceFiling: '省级备案',
      earlyAuditOpens: '提前审核开始',
      earlyAuditCloses: '提前审核截止',
    },
    noticeTitle: '{{year}} 年度关键日期',
    daysLeft: '还有 {{days}} 天',
    today: '就是今天',
    passed: '已过 {{days}} 天',
    line: '{{label}}：{{date}}',
  },
};

export type CalendarMessages = typeof calendarMessages;
