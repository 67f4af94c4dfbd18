/** The public page an email's unsubscribe link opens (ADR 0038). */
export const unsubscribeMessages = {
  unsubscribe: {
    title: '退订邮件通知',
    intro: '确认后，此邮箱将不再收到继续医学教育学分系统的邮件通知。站内通知不受影响。',
    confirm: '确认退订',
    done: '已退订：{{address}} 不会再收到邮件通知。',
    invalid: '退订链接无效或已损坏，请使用邮件中的完整链接。',
    missing: '链接中缺少退订凭证。',
  },
};

export type UnsubscribeMessages = typeof unsubscribeMessages;
