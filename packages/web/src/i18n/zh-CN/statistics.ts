export const statisticsMessages = {
  progress: {
    title: '人员学分进度',
    unit: '单位',
    year: '年度',
    behindOnly: '只看未达标',
    summary: '共 {{staff}} 人，未达标 {{behind}} 人',
    name: '姓名',
    idNumber: '身份证号',
    unitName: '单位',
    total: '已获学分',
    shortfall: '还差',
    unmet: '未达标要求',
    pending: '审核中',
    compliant: '是否达标',
    export: '导出 Excel',
    personTitle: '{{name}} 的 {{year}} 年度学分',
    back: '返回人员学分进度',
  },
  statistics: {
    title: '统计报表',
    intro:
      '所选机构（含下级单位）人员本年度学分达标情况，按专业、职称和单位分组，达标率低的排在前面。按规则引擎实时计算。',
    unit: '单位',
    year: '年度',
    staff: '人数',
    compliant: '达标人数',
    rate: '达标率',
    averageCredits: '人均学分',
    byProfession: '按专业',
    byTitleGrade: '按职称',
    byUnit: '按单位',
    profession: '专业',
    titleGrade: '职称',
  },
};

export type StatisticsMessages = typeof statisticsMessages;
