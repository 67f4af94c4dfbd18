import { Button, Form, Input } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { parseCertificateSerial } from '@jijiao/domain';
import { useT } from '../../../../i18n/use-t';

/**
 * A serial typed from the paper. Its check character catches a mistyped character here,
 * before anything is asked of the server; case, spaces, O/0 and I/L/1 are forgiven.
 */
export function SerialForm({ initialSerial }: { initialSerial?: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ serial: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ serial: initialSerial ?? '' }}
      onFinish={({ serial }) => {
        const parsed = parseCertificateSerial(serial);
        if (parsed) void navigate(`/verify/${parsed.serial}`);
      }}
      data-testid="verify-form"
    >
      <Form.Item
        name="serial"
        label={t('verify.serialLabel')}
        validateTrigger="onSubmit"
        rules={[
          {
            validator: (_rule, value: string | undefined) =>
              parseCertificateSerial(value ?? '')
                ? Promise.resolve()
                : Promise.reject(new Error(t('verify.serialInvalid'))),
          },
        ]}
      >
        <Input
          size="large"
          placeholder={t('verify.serialPlaceholder')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
        />
      </Form.Item>
      <Button
        type="primary"
        size="large"
        htmlType="submit"
        icon={<SafetyCertificateOutlined />}
        block
      >
        {t('verify.submit')}
      </Button>
    </Form>
  );
}
