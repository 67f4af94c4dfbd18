import { Alert, Flex, Image, Tag, Typography } from 'antd';
import type { ClaimEvidence } from '@jijiao/contracts';
import { evidenceUrl } from '../../../../api';
import { useT } from '../../../../i18n/use-t';
import { labelOf } from '../../../../i18n/vocabulary';

/** One evidence file inline: images previewed, PDFs in a frame; shared files flagged. */
export function EvidenceViewer({ file }: { file: ClaimEvidence }) {
  const { t } = useT();
  const url = evidenceUrl(file.sha256);
  return (
    <Flex vertical gap={8} data-testid="evidence-item">
      <Flex gap={8} align="center" wrap>
        <Typography.Link href={url} target="_blank" rel="noreferrer">
          {file.fileName}
        </Typography.Link>
        <Typography.Text type="secondary">
          {labelOf(t, 'evidenceType', file.contentType)} · {Math.ceil(file.sizeBytes / 1024)} KB
        </Typography.Text>
        <Tag data-testid="evidence-kind">
          {file.kind
            ? labelOf(t, 'evidenceDocumentKind', file.kind)
            : t('evidenceDocuments.noFileKind')}
        </Tag>
        {file.sharedWithOtherPerson && <Tag color="red">{t('reviews.sharedTag')}</Tag>}
      </Flex>
      {file.sharedWithOtherPerson && (
        <Alert type="warning" showIcon title={t('reviews.sharedEvidence')} />
      )}
      {file.contentType === 'application/pdf' ? (
        <iframe
          src={url}
          title={file.fileName}
          style={{ width: '100%', height: 480, border: '1px solid #f0f0f0' }}
          data-testid="evidence-pdf"
        />
      ) : (
        <Image
          src={url}
          alt={file.fileName}
          style={{ maxWidth: '100%', maxHeight: 480 }}
          data-testid="evidence-image"
        />
      )}
    </Flex>
  );
}
