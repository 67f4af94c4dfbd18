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
  },
  home: {
    welcome: '您好，{{name}}',
    organisation: '机构',
    underConstruction: '此页面正在建设中；相关功能上线后，数据将显示在这里。',
    purpose: {
      learner:
        '这里将显示本年度各项学分要求的完成情况、尚缺的学分与原因，以及每条学分的来源和审核状态。',
      unit_admin:
        '这里将显示本年度学分未达标的人员、等待本单位审核的学分申报和年度审验的截止日期。',
      reviewer: '这里将显示本级待审核的学分申报、下级单位上报的年度审验以及逾期情况。',
      host_admin:
        '这里将显示本单位举办的继续医学教育项目、场次与签到设备，以及活动结束后的执行情况。',
      province_admin: '这里将显示全省学分进度与达标情况，以及各市州的年度审验状态。',
      system_admin: '这里将提供用户与角色、系统设置、审计日志和备份的管理。',
    },
  },
};

export type NavMessages = typeof navMessages;
