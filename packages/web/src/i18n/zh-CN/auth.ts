export const authMessages = {
  login: {
    heading: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    publicSearch: '查询已备案的继续医学教育项目（无需登录）',
  },
  password: {
    title: '修改密码',
    forced: '您使用的是初始密码或已被重置的密码，请先修改密码再继续使用。',
    current: '当前密码',
    new: '新密码',
    confirm: '确认新密码',
    submit: '修改密码',
    currentRequired: '请输入当前密码',
    newRequired: '请输入新密码',
    confirmRequired: '请再次输入新密码',
    mismatch: '两次输入的新密码不一致',
    wrongCurrent: '当前密码不正确。',
    success: '密码已修改',
    policyTitle: '密码规则',
    policyLength: '{{min}}–{{max}} 个字符；',
    policyClasses: '至少包含小写字母、大写字母、数字、符号中的 3 类；',
    policyUsername: '不能包含用户名，不能与当前密码相同。',
    problemsTitle: '新密码不符合密码规则：',
    problem: {
      too_short: '密码太短，至少需要 {{min}} 个字符。',
      too_long: '密码太长，最多 {{max}} 个字符。',
      too_few_classes: '需要至少包含小写字母、大写字母、数字、符号中的 3 类。',
      contains_username: '密码不能包含用户名。',
      same_as_current: '新密码不能与当前密码相同。',
    },
  },
};

export type AuthMessages = typeof authMessages;
