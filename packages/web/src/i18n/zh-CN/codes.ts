/**
 * Words for codes that had none yet (the label registry, ../vocabulary.ts, points at these
 * and at the older subtrees): each subtree `satisfies` the contract's list, so a new value
 * without words fails to compile.
 */
import type {
  auditRunStatuses,
  evidenceContentTypes,
  hrPushKinds,
  hrPushStatuses,
  requirementCodes,
  requirementWaivers,
} from '@jijiao/contracts';

export type Labels<T extends readonly string[]> = Record<T[number], string>;

export const codesMessages = {
  codes: {
    requirement: {
      annual_total: '年度总学分',
      class_I_minimum: 'Ⅰ类学分',
      class_II_minimum: 'Ⅱ类学分',
      stage_national_projects: '周期内国家级项目学分',
      stage_provincial_projects: '周期内省级项目学分',
      stage_municipal_projects: '周期内市级项目学分',
      stage_unit_projects: '周期内院级项目学分',
    } satisfies Labels<typeof requirementCodes>,
    requirementWaiver: {
      full_year: '全年进修等规定',
      residency: '规培年度考核合格',
    } satisfies Labels<typeof requirementWaivers>,
    hrPushKind: {
      audit_filed: '年度审验备案',
      certificate_revoked: '证书撤销',
      credits_voided: '学分作废',
    } satisfies Labels<typeof hrPushKinds>,
    hrPushStatus: {
      pending: '待发送',
      delivered: '已送达',
      failed: '发送失败',
    } satisfies Labels<typeof hrPushStatuses>,
    auditRunStatus: {
      running: '评估中',
      succeeded: '评估完成',
      failed: '评估失败',
    } satisfies Labels<typeof auditRunStatuses>,
    evidenceType: {
      'image/jpeg': 'JPEG 图片',
      'image/png': 'PNG 图片',
      'application/pdf': 'PDF 文件',
    } satisfies Labels<typeof evidenceContentTypes>,
    attendanceRule: {
      all_sessions: '参加全部场次',
      share_of_hours: '达到学时比例',
    },
    awardBatchSource: {
      manual: '手工录入',
      attendance: '按签到生成',
    },
    provenance: {
      fileRow: '{{file}} 第 {{row}} 行',
      batchLine: '授予批次第 {{line}} 行',
      platformRef: '平台推送编号 {{key}}',
    },
    migration: '第 {{number}} 号迁移',
    yes: '是',
    no: '否',
    /** A GB/T 2260 code whose province this build does not know. */
    unknownRegion: '地区代码 {{code}}',
    province: {
      '11': '北京市',
      '12': '天津市',
      '13': '河北省',
      '14': '山西省',
      '15': '内蒙古自治区',
      '21': '辽宁省',
      '22': '吉林省',
      '23': '黑龙江省',
      '31': '上海市',
      '32': '江苏省',
      '33': '浙江省',
      '34': '安徽省',
      '35': '福建省',
      '36': '江西省',
      '37': '山东省',
      '41': '河南省',
      '42': '湖北省',
      '43': '湖南省',
      '44': '广东省',
      '45': '广西壮族自治区',
      '46': '海南省',
      '50': '重庆市',
      '51': '四川省',
      '52': '贵州省',
      '53': '云南省',
      '54': '西藏自治区',
      '61': '陕西省',
      '62': '甘肃省',
      '63': '青海省',
      '64': '宁夏回族自治区',
      '65': '新疆维吾尔自治区',
      '71': '台湾省',
      '81': '香港特别行政区',
      '82': '澳门特别行政区',
    },
  },
};

export type CodesMessages = typeof codesMessages;
