export const importsMessages = {
  imports: {
    peopleTitle: '导入人员',
    projectsTitle: '导入项目',
    back: '返回列表',
    step: {
      template: '下载模板',
      file: '选择文件',
      check: '试导入检查',
      write: '正式导入',
    },
    templateButton: '下载模板',
    templateHint:
      '请按模板的表头填写，一行一条记录。身份证号一列请设置为“文本”格式，否则 Excel 会丢失末尾的数字。',
    unit: '导入到单位',
    unitPlaceholder: '选择单位（不选时按文件中的单位）',
    chooseFile: '选择 Excel 文件',
    fileHint: '仅支持 .xlsx 文件。',
    noFile: '尚未选择文件',
    dryRun: '试导入（仅检查）',
    write: '导入',
    writeHint: '请先试导入，检查无误后再正式导入。',
    reportTitle: {
      dryRunOk: '检查通过，可以导入',
      written: '导入完成',
      invalid: '发现 {{count}} 个问题，未写入任何数据',
    },
    invalidHint: '请按下表修改文件后重新上传；文件中任何一行有误时，整个文件都不会导入。',
    rows: '共 {{count}} 行',
    created: '新增 {{count}}',
    updated: '更新 {{count}}',
    unchanged: '无变化 {{count}}',
    issue: '第 {{row}} 行 {{column}}：{{message}}',
    issueRow: '行号',
    issueColumn: '列',
    issueMessage: '问题',
    issueText: '说明',
    creditsTitle: '导入学分',
    creditsUnitPlaceholder: '选择单位',
    creditsHint: '导入的学分提交到该单位的审核流程；学分由规则引擎按政策计算。',
  },
};

export type ImportsMessages = typeof importsMessages;
