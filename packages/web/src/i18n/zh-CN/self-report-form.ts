/** The self-report form's checks beside each field, the province choice and the project lookup. */
export const selfReportFormMessages = {
  selfReportForm: {
    dateFuture: '日期不能晚于今天',
    dateClosedYear: '只能申报 {{years}} 年度的学分，往年已关闭申报',
    wholeNumber: '{{field}}须为正整数',
    positive: '{{field}}须大于 0',
    notNegative: '{{field}}不能为负数',
    evidenceMissing: '请上传证明材料：{{type}}须附至少 {{count}} 份证明材料',
    hostProvince: '举办地（省份）',
    hostProvincePlaceholder: '选择省份，可输入名称搜索',
    otherRegion: '其他地区',
    fixFields: '请先改正标红的字段',
    lookup: '查找备案项目',
    lookupFound:
      '已按备案项目填入：{{name}}（{{host}}，{{start}} 至 {{end}}，学员 {{credits}} 学分）',
    lookupNone: '备案项目中没有编号为 {{number}} 的项目，请核对编号或手动填写',
    lookupFailed: '查找备案项目失败，请稍后再试或手动填写',
    activity: '活动信息',
    closedYearNotice: '{{year}} 年度已关闭自主申报',
  },
};

export type SelfReportFormMessages = typeof selfReportFormMessages;
