import { useState } from 'react';
import { theme } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useT } from '../i18n/use-t';

/**
 * Copies with the Clipboard API where the browser offers it (HTTPS, localhost); elsewhere
 * (a plain-HTTP intranet) through a selected, off-screen text area, as antd's copyable does.
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && 'clipboard' in navigator) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (permissions): try the old way.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.insetInlineStart = '-9999px';
  document.body.append(area);
  area.select();
  try {
    // Deprecated, but the only way without the Clipboard API.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    return document.execCommand('copy');
  } finally {
    area.remove();
  }
}

/** Copies `text`; a tick for two seconds says it did. */
export function CopyButton({ text }: { text: string }) {
  const { t } = useT();
  const { token } = theme.useToken();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={copied ? t('common.copied') : t('common.copy')}
      title={copied ? t('common.copied') : t('common.copy')}
      onClick={() => {
        void copyText(text).then((done) => {
          if (!done) return;
          setCopied(true);
          setTimeout(() => {
            setCopied(false);
          }, 2000);
        });
      }}
      style={{
        marginInlineStart: token.marginXXS,
        padding: 0,
        border: 0,
        background: 'none',
        cursor: 'pointer',
        color: copied ? token.colorSuccess : token.colorLink,
      }}
    >
      {copied ? <CheckOutlined /> : <CopyOutlined />}
    </button>
  );
}
