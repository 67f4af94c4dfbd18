export const jobsMessages = {
  jobs: {
    queued: '已提交，排队等待处理…',
    reading: '正在读取文件…',
    checking: '已处理 {{done}} / {{total}} 行',
    checkingSoFar: '已处理 {{done}} 行…',
    failed: '导入未能完成',
    downloadReport: '下载导入报告',
    leaveHint: '可以离开本页：导入在后台继续，回到本页链接即可查看进度和报告。',
    kind: {
      people_import: '人员导入',
      projects_import: '项目导入',
      credits_import: '学分导入',
      certificate_pdfs: '证书 PDF 生成',
    },
    status: { queued: '排队中', running: '处理中', succeeded: '已完成', failed: '未完成' },
  },
};

export type JobsMessages = typeof jobsMessages;
