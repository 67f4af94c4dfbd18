export const accountsMessages = {
  accounts: {
    title: '账号管理',
    create: '新建管理员账号',
    createOk: '创建',
    search: '用户名或姓名',
    username: '用户名',
    usernameHint: '3–50 位字母、数字、点、横线或下划线，保存为小写',
    displayName: '姓名',
    role: '角色',
    lockedOnly: '只看已锁定',
    roles: '角色与机构',
    org: '所属机构',
    orgHint: '单位管理员选单位；审核人选卫健委、医学会或继教办；项目举办单位管理员选举办机构',
    status: '状态',
    active: '正常',
    mustChange: '待修改初始密码',
    lockedUntil: '已锁定至 {{at}}',
    createdAt: '创建时间',
    reset: '重置密码',
    resetConfirm: '为 {{username}} 生成新的一次性密码？其现有登录会话将全部失效。',
    resetTwoFactor: '重置两步验证',
    resetTwoFactorConfirm:
      '确认 {{username}} 已丢失验证器且无恢复码？将移除其验证器与恢复码并结束其全部登录会话；如其角色要求两步验证，下次登录时需重新绑定。',
    twoFactorReset: '已重置 {{username}} 的两步验证',
    unlock: '解锁',
    unlocked: '已解锁',
    passwordTitle: '{{username}} 的一次性密码',
    passwordOnce: '该密码只显示这一次，请通过安全渠道交给本人；首次登录后必须修改。',
    passwordDone: '我已记下',
  },
};

export type AccountsMessages = typeof accountsMessages;
