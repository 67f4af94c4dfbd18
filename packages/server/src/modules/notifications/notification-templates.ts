import type { NotificationKind } from '@jijiao/contracts';

/** A template: the mail's subject (also an SMS's first words) and its text, zh-CN. */
interface Template {
  subject: string;
  body: string;
}

/**
 * The zh-CN text of each kind, `{name}` replaced by the notification's parameter of that
 * name. The web shows the same kinds from its own i18n files (zh-CN and en-US); these are
 * what leaves the app by email, SMS and WeChat.
 */
export const notificationTemplates: Record<NotificationKind, Template> = {
  claim_returned: {
    subject: '学分申请被退回：{activity}',
    body: '您的学分申请“{activity}”被退回，原因：{reason}。请修改后重新提交。',
  },
  claim_approved: {
    subject: '学分申请已通过：{activity}',
    body: '您的学分申请“{activity}”已审核通过，计入 {credits} 学分。',
  },
  award_batch_returned: {
    subject: '授分批次被退回：{batch}',
    body: '授分批次“{batch}”有 {lines} 条被退回，原因：{reason}。请修改后重新提交。',
  },
  audit_returned: {
    subject: '{year} 年度审验被退回',
    body: '{unit} 的 {year} 年度审验被退回，原因：{reason}。请处理后重新上报。',
  },
  transfer_waiting: {
    subject: '有人员调入待确认：{person}',
    body: '{person}（原单位：{fromUnit}）申请调入本单位，请及时确认。',
  },
  certificate_issued: {
    subject: '{year} 年度学分证书已签发',
    body: '您的 {year} 年度继续医学教育学分证书已签发，证书编号 {serial}。',
  },
  certificate_revoked: {
    subject: '{year} 年度学分证书已撤销',
    body: '您的 {year} 年度学分证书（编号 {serial}）已被撤销，原因：{reason}。',
  },
  deadline_approaching: {
    subject: '{label}还有 {days} 天',
    body: '{label}截止日期为 {date}，还有 {days} 天，请抓紧办理。',
  },
  reminder_learner_behind: {
    subject: '{year} 年度学分尚未达标',
    body: '距 {year} 年度学分登记截止（{date}）还有 {days} 天，您还需要：{need}。',
  },
  reminder_unit_staff_behind: {
    subject: '本单位有 {count} 人学分未达标',
    body: '距学分登记截止（{date}）还有 {days} 天，本单位仍有 {count} 人学分未达标，请督促。',
  },
  reminder_unit_audit_due: {
    subject: '{year} 年度审验即将截止',
    body: '本单位 {year} 年度审验应于 {date} 前上报，还有 {days} 天。',
  },
  reminder_reviews_waiting: {
    subject: '有 {count} 条学分申请等待审核',
    body: '有 {count} 条学分申请已等待超过 {days} 天，请及时审核。',
  },
  reminder_host_unreported: {
    subject: '项目尚未上报学分：{project}',
    body: '项目“{project}”已结束，尚未上报学员学分，请及时上报。',
  },
};

/** `{name}` → the parameter, or `—` when the notification has none of that name. */
function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    return value === undefined ? '—' : String(value);
  });
}

export interface RenderedMessage {
  subject: string;
  body: string;
}

export function renderNotification(
  kind: NotificationKind,
  params: Record<string, string | number>,
): RenderedMessage {
  const template = notificationTemplates[kind];
  return { subject: fill(template.subject, params), body: fill(template.body, params) };
}
