export const rulesMessages = {
  rules: {
    title: '规则',
    intro:
      '本系统执行的学分政策包（只读）：全国办法按年度适用，省、市、区县的补充规定依次叠加。每个数值都注明出处。',
    version: '版本',
    place: '适用地区',
    years: '适用年度',
    yearsAll: '不限',
    yearsFrom: '{{from}} 年起',
    yearsTo: '至 {{to}} 年',
    yearsRange: '{{from}}–{{to}} 年',
    sources: '出处',
    parameters: '参数',
    levels: {
      national: '全国',
      province: '省',
      city: '市',
      district: '区县',
    },
  },
};

export type RulesMessages = typeof rulesMessages;
