/** The documents evidence files are (pack `evidence`): one upload slot each, and the checklist. */
export const evidenceDocumentsMessages = {
  evidenceDocuments: {
    kind: {
      credit_certificate: '学分证书',
      article_or_retrieval: '论文页面或检索报告',
      completion_certificate: '结业证书',
      dispatch_document: '派出文件',
      receiving_unit_evaluation: '接收单位考核/鉴定意见',
      platform_credit_screenshot: '学习平台学分截图',
      residency_assessment: '规培年度考核成绩',
      supporting_document: '证明材料',
    },
    hint: {
      credit_certificate: '学分原件证明，须含项目全称、项目编号、举办起止时间和所授学分',
      article_or_retrieval: '刊登论文的页面，或论文检索报告',
      completion_certificate: '进修结业证书（进修合格证）',
      dispatch_document: '派出单位的派遣文件',
      receiving_unit_evaluation: '接收（支援）单位对派出人员的考核或鉴定意见',
      platform_credit_screenshot: '学习平台的学分证明截图',
      residency_assessment: '该培训年度的考核成绩（最后一年为结业考核成绩）',
      supporting_document: '能证明该项活动的材料',
    },
    asked: '需上传的证明材料',
    noneAsked: '该类活动无需上传证明材料，可按需附上',
    upload: '上传{{kind}}',
    other: '其他材料',
    missing: '请上传：{{kinds}}',
    checklist: '材料核对',
    attached: '已附',
    notAttached: '未附',
    noFileKind: '未说明材料类别',
    rules: {
      documents: '{{type}}：{{documents}}',
      filedProjects:
        '{{levels}}项目须在备案项目中查到（按编号，或按名称和举办日期），并按备案的学时和学分计',
    },
  },
};

export type EvidenceDocumentsMessages = typeof evidenceDocumentsMessages;
