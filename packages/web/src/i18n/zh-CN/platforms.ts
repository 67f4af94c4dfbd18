export const platformsMessages = {
  platforms: {
    title: '平台接入',
    intro:
      '在线教育平台通过开放接口（POST /api/v1/provider/credits）推送学员完成的学分，以 API 密钥认证。密钥仅在签发时显示一次，系统只保存其摘要。',
    none: '本省尚无在线平台。请先在“机构”中添加类型为“平台”的机构。',
    trusted: '免审核',
    trustedHint: '该平台推送的学分直接生效，无需审核。',
    untrustedHint: '该平台推送的学分进入学员所在单位的审核流程。',
    issue: '签发密钥',
    issueTitle: '为{{name}}签发 API 密钥',
    keyLabel: '用途',
    keyLabelPlaceholder: '如：生产环境',
    keyPrefix: '密钥前缀',
    createdAt: '签发时间',
    keyStatus: '状态',
    active: '有效',
    revokedAt: '已于 {{at}} 吊销',
    revoke: '吊销',
    revokeConfirm: '吊销后该密钥立即失效，确定吊销？',
    revoked: '密钥已吊销',
    noKeys: '尚未签发密钥',
    secretTitle: '新的 API 密钥',
    secretOnce: '请立即复制并妥善保存该密钥：关闭后将无法再次查看。',
    secretDone: '我已保存',
  },
};

export type PlatformsMessages = typeof platformsMessages;
