export const navMessages = {
  nav: {
    home: {
      learner: '我的学分',
      unit_admin: '工作台',
      reviewer: '工作台',
      host_admin: '工作台',
      province_admin: '工作台',
      system_admin: '系统管理',
    },
    orgs: '机构',
    orgsAndChains: '机构与审核链',
    people: '人员管理',
    projects: {
      manage: '项目管理',
      mine: '我的项目',
      filing: '项目备案',
    },
    projectSearch: '项目查询',
    account: '我的账户',
    changePassword: '修改密码',
    reviews: '审核队列',
    myClaims: '申报记录',
    selfReport: '学分申报',
    unitProgress: '人员学分进度',
    platforms: '平台接入',
    auditLog: '审计日志',
    rules: '规则',
    statistics: '统计报表',
    accounts: '账号管理',
    creditsImport: '导入学分',
    checkinQr: '签到码',
    cards: '继教卡',
    auditAndCertificates: '审验与证书',
    certificateRegister: '证书登记',
    fraud: '作弊处理',
    hrDeliveries: '人社投递记录',
  },
  home: {
    welcome: '您好，{{name}}',
  },
};

export type NavMessages = typeof navMessages;
