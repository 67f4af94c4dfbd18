/** The learner's phone layout: the bottom tab bar and the account drawer. */
export const phoneMessages = {
  phone: {
    tabs: {
      home: '学分',
      report: '申报',
      records: '记录',
      certificates: '证书',
      checkin: '签到码',
    },
    navigation: '主导航',
    openMenu: '菜单与账户',
    menuTitle: '菜单',
    creditsValue: '{{credits}} 学分',
    camera: '拍照',
  },
};

export type PhoneMessages = typeof phoneMessages;
