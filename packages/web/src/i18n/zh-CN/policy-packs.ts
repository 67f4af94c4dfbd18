/**
 * Words for the policy packs: each shipped pack's name and each source's citation (a web
 * test checks every pack and source of the domain has them), and the phrases the 规则 page
 * reads a pack's parameters out with.
 */
export const policyPacksMessages = {
  policyPack: {
    'national-2006': '继续医学教育学分授予与管理办法（2006）',
    'national-2024': '国卫办科教发〔2024〕20号',
    sichuan: '四川省继续医学教育学分管理办法（试行）',
    hunan: '湖南省卫生健康委关于做好卫生技术人员继续医学教育工作的通知',
    guangzhou: '广州市继续医学教育学分要求',
    'chengdu-jinjiang': '成都市锦江区继教学分录入指南（2020）',
  },
  policySource: {
    'scenario-readme': '情景说明：默认规则包的取值',
    'domain-digest': '领域说明：学分规则',
    'seed-000': '资料 000：广州市继教 IC 卡，每年 25 学分',
    'seed-001': '资料 001：学分计算方法第 1–9 条',
    'seed-002': '资料 002：Ⅰ类学分与Ⅱ类学分',
    'seed-003': '资料 003：湖南省卫生健康委继续医学教育工作通知',
    'seed-004': '资料 004：锦江区 2020 年继教学分录入指南',
    'measures-2006': '《继续医学教育学分授予与管理办法》（2006），据领域说明摘录',
    'measures-2024': '国卫办科教发〔2024〕20号（2024-10-23），据全国性新闻报道',
    'measures-2006-copies':
      '《继续医学教育学分授予与管理办法》（2006）远程继续医学教育条款，据转载文本：“此类学分每年授予最多不超过10学分”',
    'residency-assumption': '规则包说明：住院医师规范化培训（规培）',
  },
  policySourceNote: {
    'measures-2006': '原文未收录。',
    'measures-2024': '未取得原文：各数值为默认值，须与正式文本核对。',
    'measures-2006-copies': '原文未收录，须与正式文本核对。',
    'residency-assumption': '假定：通知只说考核合格的年度授分，未说折合多少学分。',
  },
  policyRules: {
    version: '第 {{version}} 版',
    place: '行政区划代码 {{code}}',
    source: '出处：{{source}}',
    section: {
      requirements: '年度要求',
      valuation: '学分计算',
      yearCaps: '年度上限',
      recognition: '外省项目',
      crossYear: '跨年度活动',
      fullYear: '全年视同达标',
      stage: '周期要求',
      certificate: '合格证明',
      evidence: '证明材料',
      filedProjects: '备案项目核对',
      entryYear: '录入年度',
    },
    classes: '学分类别：{{classes}}',
    noClasses: '学分不分类别',
    classLabel: '{{class}}类',
    annualTotal: '年度总学分不少于 {{credits}} 学分',
    annualHours: '（折合 {{hours}} 学时）',
    classMinimum: '{{class}}类学分不少于 {{credits}} 学分',
    projectLine: '{{level}}项目 · {{role}}：{{rule}}',
    remote: '远程参加',
    basis: {
      awarded: '按证书授予学分计',
      hours: '每 {{per}} 学时 {{credits}} 学分',
      awarded_or_hours: '按证书学分计，证书未注明时每 {{per}} 学时 {{credits}} 学分',
    },
    perProjectCap: '，单个项目最多 {{cap}} 学分',
    inClass: '（{{class}}类）',
    table: '{{category}}：按排名依次 {{credits}} 学分',
    rate: '每 {{per}} {{unit}} {{credits}} 学分',
    whole: '（只计整数倍）',
    sessionLine: '{{role}}：{{rule}}',
    unit: {
      hours: '学时',
      words: '字',
      characters: '字（译文）',
      times: '次',
      months: '个月',
    },
    yearCap: '{{members}} 合计每年最多 {{credits}} 学分',
    memberWithRole: '{{type}}（{{role}}）',
    recognition: '外省举办的项目予以认可的级别：{{levels}}',
    recognitionNone: '外省举办的项目不予认可',
    crossYear: '跨年度的{{types}}按证书日期计入年度',
    fullYear: '一年内{{types}}累计满 {{months}} 个月，视为达到当年要求',
    stage:
      '{{unitLevels}}单位人员自 {{firstYear}} 年起每 {{years}} 年为一个周期，周期内{{projectLevel}}项目学分不少于 {{credits}} 学分',
    certificate: '合格证明折合 {{hours}} 学时',
    typeRule: '{{type}}：{{rule}}',
    listSeparator: '、',
  },
};

export type PolicyPacksMessages = typeof policyPacksMessages;
