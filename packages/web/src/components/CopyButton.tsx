import { useState } from 'react';
import { theme } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useT } from '../i18n/use-t';

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
        void navigator.clipboard.writeText(text).then(() => {
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
