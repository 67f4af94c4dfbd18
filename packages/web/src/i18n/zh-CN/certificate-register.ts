export const certificateRegisterMessages = {
  certRegister: {
    title: '证书登记',
    intro:
      '已签发的年度合格证明：按年度、机构、状态筛选，按姓名或证书编号查找；核验次数为公众扫码或输入编号核验的次数。',
    year: '年度',
    allYears: '全部年度',
    org: '机构',
    status: {
      all: '全部',
      valid: '有效',
      revoked: '已撤销',
    },
    search: '姓名或证书编号',
    export: '导出 Excel',
    unitZip: '下载本单位 {{year}} 年度证书（ZIP）',
    issuePdfs: '生成 {{year}} 年度全部证书 PDF',
    pdfsProgress: '正在生成证书 PDF：{{done}} / {{total}}',
    pdfsDone:
      '证书 PDF 已生成，共 {{total}} 张（本次 {{stored}} 张，此前已有 {{alreadyStored}} 张）',
    pdfsTampered: '{{count}} 张证书的数据与签名不符，未生成 PDF，请核查：{{serials}}',
    pdfsFailed: '证书 PDF 生成未完成，请稍后重试',
    summary: '共 {{total}} 张证书',
    empty: '没有符合条件的证书',
    columns: {
      serial: '证书编号',
      holder: '持证人 · 单位',
      year: '年度',
      credits: '学分',
      issuedOn: '发证日期',
      status: '状态',
      verifications: '核验次数',
    },
    classCredits: 'I类 {{classI}} · II类 {{classII}}',
    revokedOn: '{{at}} 撤销',
    revokedReason: '原因：{{reason}}',
    neverVerified: '尚未核验',
    lastVerified: '最近 {{at}}',
    verificationCount: '{{count}} 次',
    viewPerson: '查看学分',
    revoke: '撤销',
    revokeTitle: '撤销证书 {{serial}}',
    revokeWarning:
      '撤销后，扫描证书二维码或输入编号核验时将显示“已撤销”及撤销原因，并通知人社继续教育平台。撤销不可恢复。',
    revokeHolder: '持证人：{{name}}（{{unit}}），{{year}} 年度，{{credits}} 学分',
    reason: '撤销原因',
    reasonPlaceholder: '如：经核查，学分证明系伪造',
    reasonTooShort: '请填写撤销原因（至少 2 个字）',
    confirmRevoke: '确认撤销',
    revoked: '证书已撤销，已通知人社平台',
  },
};

export type CertificateRegisterMessages = typeof certificateRegisterMessages;
