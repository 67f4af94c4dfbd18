import type { ComponentType } from 'react';
import { Flex, theme } from 'antd';
import {
  CheckCircleFilled,
  CloseCircleFilled,
  QuestionCircleFilled,
  StopFilled,
} from '@ant-design/icons';
import type { CertificateVerification, CertificateVerificationStatus } from '@jijiao/contracts';
import { useT } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';
import { Paragraph, Title } from '../../../../components/Type';

type Tone = 'Success' | 'Error' | 'Warning' | 'Info';
const looks: Record<CertificateVerificationStatus, { tone: Tone; Icon: ComponentType }> = {
  valid: { tone: 'Success', Icon: CheckCircleFilled },
  revoked: { tone: 'Error', Icon: StopFilled },
  altered: { tone: 'Error', Icon: CloseCircleFilled },
  unknown: { tone: 'Warning', Icon: QuestionCircleFilled },
};

/** The answer first, in one sentence a person at an HR desk can act on. */
export function VerdictBanner({ verification }: { verification: CertificateVerification }) {
  const { t } = useT();
  const { token } = theme.useToken();
  const { status } = verification;
  const { tone, Icon } = looks[status];
  const issuer = verification.issuer ?? '';
  const date = formatDateTime(verification.revokedAt);
  return (
    <Flex
      gap={16}
      align="flex-start"
      role="status"
      data-testid="verify-status"
      data-status={status}
      style={{
        padding: 16,
        borderRadius: token.borderRadiusLG,
        background: token[`color${tone}Bg`],
        border: `1px solid ${token[`color${tone}Border`]}`,
      }}
    >
      <span style={{ fontSize: 40, lineHeight: 1, color: token[`color${tone}`] }}>
        <Icon />
      </span>
      <div style={{ minWidth: 0 }}>
        <Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t(`verify.status.${status}.title`)}
        </Title>
        <Paragraph style={{ margin: '8px 0 0' }}>
          {t(`verify.status.${status}.detail`, {
            issuer,
            date,
            serial: verification.serial,
          })}
        </Paragraph>
        {status === 'altered' && verification.revokedAt && (
          <Paragraph style={{ margin: '4px 0 0' }}>
            {t('verify.alteredRevoked', { date })}
          </Paragraph>
        )}
      </div>
    </Flex>
  );
}
