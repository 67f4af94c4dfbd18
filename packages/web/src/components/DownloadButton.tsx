import { useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { errorText } from '../i18n/error-message';
import { useT } from '../i18n/use-t';
import { saveFile } from '../utils/save-file';
import { useFeedback } from './feedback';

/** Fetches a file (template, export of the current filter) and hands it to the browser. */
export function DownloadButton({
  fetchFile,
  icon,
  children,
  type,
  'data-testid': testId,
}: {
  fetchFile: () => Promise<{ blob: Blob; fileName: string }>;
  icon?: ReactNode;
  children: ReactNode;
  type?: 'default' | 'primary' | 'link';
  'data-testid'?: string;
}) {
  const { t } = useT();
  const { message } = useFeedback();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={icon}
      type={type}
      loading={busy}
      data-testid={testId}
      onClick={() => {
        setBusy(true);
        fetchFile()
          .then(({ blob, fileName }) => {
            saveFile(blob, fileName);
          })
          .catch((error: unknown) => {
            message.error(errorText(t, error));
          })
          .finally(() => {
            setBusy(false);
          });
      }}
    >
      {children}
    </Button>
  );
}
