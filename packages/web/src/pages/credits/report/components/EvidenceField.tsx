import { Alert, Button, Form, Space, Tag, Typography, Upload } from 'antd';
import { CameraOutlined, CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import type { EvidenceDocumentKind, EvidenceRef } from '@jijiao/contracts';
import { useIsPhone } from '../../../../components/use-is-phone';
import { useT } from '../../../../i18n/use-t';
import { labelOf } from '../../../../i18n/vocabulary';
import type { UploadNote } from '../use-evidence-upload';

type OnUpload = (file: File, kind?: EvidenceDocumentKind) => Promise<void>;

/** One upload button (and, on a phone, the camera) storing each file as `kind`, if given. */
function UploadButtons({
  kind,
  label,
  uploading,
  onUpload,
}: {
  kind: EvidenceDocumentKind | undefined;
  label: string;
  uploading: boolean;
  onUpload: OnUpload;
}) {
  const { t } = useT();
  // A phone offers its camera beside the files: the paper certificate photographed as is.
  const isPhone = useIsPhone();
  const suffix = kind ? `-${kind}` : '';
  return (
    <Space wrap>
      <Upload
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          void onUpload(file, kind);
          return false;
        }}
      >
        <Button
          icon={<UploadOutlined />}
          loading={uploading}
          data-testid={`evidence-upload${suffix}`}
        >
          {label}
        </Button>
      </Upload>
      {isPhone ? (
        <Upload
          accept="image/*,application/pdf"
          capture="environment"
          showUploadList={false}
          beforeUpload={(file) => {
            void onUpload(file, kind);
            return false;
          }}
        >
          <Button
            icon={<CameraOutlined />}
            loading={uploading}
            data-testid={`evidence-camera${suffix}`}
          >
            {t('phone.camera')}
          </Button>
        </Upload>
      ) : null}
    </Space>
  );
}

/**
 * The 证明材料 field: one upload slot per document the activity type asks for (the packs'
 * `evidence`), each saying which files are that document; a slot for other files; and what
 * each upload did. Without a type chosen yet, one plain upload.
 */
export function EvidenceField({
  asked,
  evidence,
  uploadNotes,
  uploading,
  onUpload,
  error,
}: {
  /** The documents the chosen type asks for; undefined while not known. */
  asked: readonly EvidenceDocumentKind[] | undefined;
  evidence: EvidenceRef[];
  uploadNotes: UploadNote[];
  uploading: boolean;
  onUpload: OnUpload;
  /** Why a submission was refused for want of evidence, shown beside the field. */
  error: string | null;
}) {
  const { t } = useT();
  const others = evidence.filter((e) => !e.kind || !asked?.includes(e.kind));
  return (
    <Form.Item
      label={t('selfReport.evidence')}
      extra={
        asked === undefined
          ? t('selfReport.evidenceHint')
          : asked.length === 0
            ? t('evidenceDocuments.noneAsked')
            : t('evidenceDocuments.asked')
      }
      {...(error === null ? {} : { validateStatus: 'error' as const, help: error })}
      data-testid="evidence-field"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {asked?.map((kind) => {
          const files = evidence.filter((e) => e.kind === kind);
          const name = labelOf(t, 'evidenceDocumentKind', kind);
          return (
            <Space
              key={kind}
              orientation="vertical"
              size={2}
              data-testid={`evidence-slot-${kind}`}
              style={{ width: '100%' }}
            >
              <Space wrap>
                <Typography.Text strong>{name}</Typography.Text>
                {files.length > 0 && (
                  <Tag color="success" icon={<CheckCircleOutlined />}>
                    {files.map((f) => f.fileName).join('、')}
                  </Tag>
                )}
              </Space>
              <Typography.Text type="secondary">
                {t(`evidenceDocuments.hint.${kind}`)}
              </Typography.Text>
              <UploadButtons
                kind={kind}
                label={t('evidenceDocuments.upload', { kind: name })}
                uploading={uploading}
                onUpload={onUpload}
              />
            </Space>
          );
        })}
        <UploadButtons
          kind={undefined}
          label={asked && asked.length > 0 ? t('evidenceDocuments.other') : t('selfReport.upload')}
          uploading={uploading}
          onUpload={onUpload}
        />
        {others.length > 0 && (
          <Typography.Text data-testid="evidence-list">
            {t('selfReport.attached')}：{others.map((e) => e.fileName).join('、')}
          </Typography.Text>
        )}
        {uploadNotes.map((note, i) => (
          <Alert
            key={i}
            type={note.ok ? 'success' : 'error'}
            showIcon
            title={note.text}
            data-testid={note.ok ? 'upload-ok' : 'upload-rejected'}
          />
        ))}
      </Space>
    </Form.Item>
  );
}
