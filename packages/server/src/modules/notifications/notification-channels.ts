import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationKind } from '@jijiao/contracts';
import { postSigned } from '../../platform/http/signed-webhook';
import type { DueDelivery } from './notifications.repository';
import { renderNotification } from './notification-templates';
import { unsubscribeToken } from './unsubscribe-token';

/** What one attempt came to: sent, or why not (and whether trying again can help). */
export type SendOutcome =
  | { ok: true; statusCode: number | null }
  | { ok: false; error: string; statusCode: number | null; permanent: boolean };

export interface ChannelSettings {
  smtpUrl: string | null;
  mailFrom: string;
  smsWebhookUrl: string | null;
  smsWebhookSecret: string | null;
  timeoutSeconds: number;
  unsubscribeKey: Buffer;
  /** Where the public reaches the app: the links in messages are absolute. */
  publicBaseUrl: string;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : 'send failed');

/**
 * The external channels: email over SMTP (nodemailer), SMS and WeChat template messages
 * POSTed signed to the province's gateway, which holds the SMS and WeChat accounts.
 */
export class NotificationChannels {
  readonly #settings: ChannelSettings;
  #mailer: Transporter | undefined;

  constructor(settings: ChannelSettings) {
    this.#settings = settings;
  }

  /** The channels that have somewhere to go; the others' deliveries wait in the outbox. */
  configured(): string[] {
    const s = this.#settings;
    return [
      ...(s.smtpUrl ? ['email'] : []),
      ...(s.smsWebhookUrl && s.smsWebhookSecret ? ['sms', 'wechat'] : []),
    ];
  }

  private mailer(): Transporter {
    if (!this.#settings.smtpUrl) throw new Error('no SMTP server configured');
    this.#mailer ??= nodemailer.createTransport(this.#settings.smtpUrl);
    return this.#mailer;
  }

  /** The page of an email's unsubscribe link, and the one-click URL of its header. */
  unsubscribeLinks(address: string): { page: string; oneClick: string } {
    const token = encodeURIComponent(unsubscribeToken(this.#settings.unsubscribeKey, address));
    const base = this.#settings.publicBaseUrl;
    return {
      page: `${base}/unsubscribe?token=${token}`,
      oneClick: `${base}/api/v1/notifications/unsubscribe?token=${token}`,
    };
  }

  async send(delivery: DueDelivery, signal: AbortSignal): Promise<SendOutcome> {
    return delivery.channel === 'email'
      ? this.sendEmail(delivery)
      : this.sendToGateway(delivery, signal);
  }

  private async sendEmail(delivery: DueDelivery): Promise<SendOutcome> {
    const message = renderNotification(delivery.kind as NotificationKind, delivery.params);
    const links = this.unsubscribeLinks(delivery.address);
    const open = delivery.link
      ? `\n\n查看详情：${this.#settings.publicBaseUrl}${delivery.link}`
      : '';
    const text = [
      `${delivery.displayName}，您好：`,
      '',
      `${message.body}${open}`,
      '',
      '—',
      '本邮件由继续医学教育学分管理系统自动发送，请勿回复。',
      `不再接收此类邮件：${links.page}`,
    ].join('\n');
    try {
      await this.mailer().sendMail({
        from: this.#settings.mailFrom,
        to: { name: delivery.displayName, address: delivery.address },
        subject: message.subject,
        text,
        messageId: `<${delivery.id}@jijiao.notifications>`,
        // RFC 8058: a mail client may unsubscribe with one POST to the header's URL.
        headers: {
          'X-Jijiao-Delivery': delivery.id,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        list: {
          unsubscribe: { url: links.oneClick, comment: '退订' },
        },
      });
      return { ok: true, statusCode: null };
    } catch (error) {
      const code = (error as { responseCode?: unknown }).responseCode;
      const statusCode = typeof code === 'number' ? code : null;
      // 5xx: the server refuses for good (no such mailbox); 4xx or no answer: try later.
      return {
        ok: false,
        error: errorText(error),
        statusCode,
        permanent: statusCode !== null && statusCode >= 500,
      };
    }
  }

  private async sendToGateway(delivery: DueDelivery, signal: AbortSignal): Promise<SendOutcome> {
    const { smsWebhookUrl: url, smsWebhookSecret: secret } = this.#settings;
    if (!url || !secret) throw new Error('no SMS gateway configured');
    const message = renderNotification(delivery.kind as NotificationKind, delivery.params);
    const body = JSON.stringify({
      deliveryId: delivery.id,
      channel: delivery.channel,
      to: delivery.address,
      template: delivery.kind,
      params: delivery.params,
      text: `【继续医学教育】${message.body}`,
      link: delivery.link ? `${this.#settings.publicBaseUrl}${delivery.link}` : null,
    });
    try {
      const status = await postSigned({
        url,
        secret,
        deliveryId: delivery.id,
        event: `${delivery.channel}.${delivery.kind}`,
        body,
        signal: AbortSignal.any([
          signal,
          AbortSignal.timeout(this.#settings.timeoutSeconds * 1000),
        ]),
      });
      if (status >= 200 && status < 300) return { ok: true, statusCode: status };
      return {
        ok: false,
        error: `gateway answered ${String(status)}`,
        statusCode: status,
        permanent: false,
      };
    } catch (error) {
      return { ok: false, error: errorText(error), statusCode: null, permanent: false };
    }
  }

  close(): void {
    this.#mailer?.close();
  }
}
