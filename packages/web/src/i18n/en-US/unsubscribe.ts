import type { UnsubscribeMessages } from '../zh-CN/unsubscribe';

export const unsubscribeMessages: UnsubscribeMessages = {
  unsubscribe: {
    title: 'Unsubscribe from email notifications',
    intro:
      'Once confirmed, this address gets no more email from the CME credits system. Notifications in the app are kept.',
    confirm: 'Unsubscribe',
    done: 'Unsubscribed: {{address}} gets no more email notifications.',
    invalid: 'This unsubscribe link is not valid; use the whole link from the mail.',
    missing: 'The link has no unsubscribe token.',
  },
};
