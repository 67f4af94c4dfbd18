import { useState } from 'react';
import { Alert, Button, Flex } from 'antd';
import { CheckOutlined, CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { copyText } from '../../../../components/CopyButton';
import { useT } from '../../../../i18n/use-t';
import { saveFile } from '../../../../utils/save-file';

/** The recovery codes, shown this once: copy, download, then on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const text = codes.join('\n');
  return (
    <Flex vertical gap={16}>
      <Alert
        type="success"
        showIcon
        title={t('twoFactor.enrolled')}
        data-testid="two-factor-enrolled"
      />
      <Alert
        type="warning"
        title={t('twoFactor.recoveryTitle')}
        description={t('twoFactor.recoveryDetail')}
      />
      <ol
        data-testid="recovery-codes"
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(9.5em, 1fr))',
          gap: '4px 16px',
          margin: 0,
          paddingInlineStart: 24,
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 16,
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Flex gap={8} wrap>
        <Button
          icon={copied ? <CheckOutlined /> : <CopyOutlined />}
          onClick={() => {
            void copyText(text).then((done) => {
              setCopied(done);
            });
          }}
        >
          {t(copied ? 'twoFactor.copied' : 'twoFactor.copy')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => {
            saveFile(new Blob([`${text}\n`], { type: 'text/plain' }), t('twoFactor.downloadName'));
          }}
        >
          {t('twoFactor.download')}
        </Button>
        <Button type="primary" onClick={onDone} data-testid="recovery-codes-done">
          {t('twoFactor.done')}
        </Button>
      </Flex>
    </Flex>
  );
}
