import { Alert, Button, Form, Space, Typography, Upload } from 'antd';
import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import type { EvidenceRef } from '@jijiao/contracts';
import { useIsPhone } from '../../../../components/use-is-phone';
import { useT } from '../../../../i18n/use-t';
import type { UploadNote } from '../use-evidence-upload';

/** The 证明材料 field: the upload button, the files attached, and what each upload did. */
export function EvidenceField({
  evidence,
  uploadNotes,
  uploading,
  onUpload,
  error,
}: {
  evidence: EvidenceRef[];
  uploadNotes: UploadNote[];
  uploading: boolean;
  onUpload: (file: File) => Promise<void>;
  /** Why a submission was refused for want of evidence, shown beside the field. */
  error: string | null;
}) {
  const { t } = useT();
  // A phone offers its camera beside the files: the paper certificate photographed as is.
  const isPhone = useIsPhone();
  return (
    <Form.Item
      label={t('selfReport.evidence')}
      extra={t('selfReport.evidenceHint')}
      {...(error === null ? {} : { validateStatus: 'error' as const, help: error })}
      data-testid="evidence-field"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Upload
            accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void onUpload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="evidence-upload">
              {t('selfReport.upload')}
            </Button>
          </Upload>
          {isPhone ? (
            <Upload
              accept="image/*,application/pdf"
              capture="environment"
              showUploadList={false}
              beforeUpload={(file) => {
                void onUpload(file);
                return false;
              }}
            >
              <Button icon={<CameraOutlined />} loading={uploading} data-testid="evidence-camera">
                {t('phone.camera')}
              </Button>
            </Upload>
          ) : null}
        </Space>
        {evidence.length > 0 && (
          <Typography.Text data-testid="evidence-list">
            {t('selfReport.attached')}：{evidence.map((e) => e.fileName).join('、')}
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
