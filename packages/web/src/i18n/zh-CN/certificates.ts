/** The annual certificate (专业科目培训合格证明): its facts, the public check, the learner's list. */
export const certificatesMessages = {
  certificate: {
    serial: '证书编号',
    holder: '持证人',
    idNumber: '身份证号',
    year: '年度',
    yearValue: '{{year}} 年度',
    credits: '学分',
    creditsValue: '{{credits}} 学分',
    classI: 'Ⅰ类 {{credits}}',
    classII: 'Ⅱ类 {{credits}}',
    creditsWithClasses: '{{total}}（{{classes}}）',
    separator: '，',
    hours: '折合学时',
    hoursValue: '{{hours}} 学时',
    unit: '单位',
    issuer: '签发机构',
    issuedOn: '签发日期',
    revokedAt: '撤销时间',
    revokedReason: '撤销原因',
    verifyLink: '核验链接',
    verifyQr: '核验二维码',
  },
  verify: {
    title: '证书核验',
    intro:
      '扫描合格证明上的二维码，或输入证明上的编号，即可核验：证明是否由本平台签发、内容是否被改动、是否已被撤销。',
    serialLabel: '证书编号',
    serialPlaceholder: '例如 990000-2025-7K3M9-QXPW2',
    serialInvalid: '编号有误，请逐位核对（字母不区分大小写）',
    submit: '核验',
    checkAnother: '核验其他证明',
    checking: '正在核验…',
    status: {
      valid: {
        title: '证明有效',
        detail: '本证明由{{issuer}}签发，数字签名核验通过，且未被撤销。',
      },
      revoked: {
        title: '证明已撤销',
        detail: '{{issuer}}已于 {{date}} 撤销本证明，它不再有效。',
      },
      altered: {
        title: '签名核验未通过',
        detail:
          '平台上这份证明的内容与其数字签名不符，可能已被改动。请勿采信，并联系签发机构核实。',
      },
      unknown: {
        title: '未找到该证明',
        detail: '本平台没有编号为 {{serial}} 的证明。请核对编号，或直接扫描证明上的二维码。',
      },
    },
    alteredRevoked: '该证明还已于 {{date}} 被撤销。',
    offline: {
      title: '离线核验签名',
      intro:
        '每份证明的内容都由签发机构用私钥做了数字签名（Ed25519）。持证人可在“我的证书”下载电子凭证（Open Badges 3.0 格式的 JSON 文件）交给用人单位；任何人都可以用签发机构公布的公钥离线核验其中的签名（eddsa-jcs-2022），无需信任纸面或本网页。',
      keyId: '签名密钥编号',
      signedAt: '签名时间',
      keys: '公钥发布地址',
      keysHint: '提供 JWK 与 PEM 两种格式；旧密钥会一直保留，早年的证明仍可核验。',
    },
    projects: '项目查询',
    signIn: '登录',
  },
  myCertificates: {
    title: '我的证书',
    intro:
      '每年审验合格后，省继教办签发当年的《专业科目培训合格证明》。可下载 PDF 打印，或把核验链接、电子凭证交给用人单位核验。',
    empty: '还没有合格证明。年度审验合格后，证明会出现在这里。',
    cardTitle: '{{year}} 年度合格证明',
    valid: '有效',
    revoked: '已撤销',
    revokedNotice: '本证明已于 {{date}} 撤销，不再有效。',
    downloadPdf: '下载 PDF',
    downloadBadge: '下载电子凭证',
    badgeHint: '电子凭证（Open Badges 文件）带有签发机构的数字签名，可离线核验。',
    openVerify: '打开核验页',
    qrHint: '用人单位扫码即可核验',
    homeIssued: '{{year}} 年度审验合格，合格证明已签发。',
    homeRevoked: '{{year}} 年度的合格证明已撤销。',
    homeLink: '查看证书',
  },
};

export type CertificatesMessages = typeof certificatesMessages;
