import { Flex, Space, Tag } from 'antd';
import {
  creditChannels,
  type ActivityType,
  type ClaimStatus,
  type CreditChannel,
} from '@jijiao/contracts';
import { useT, type Translate } from '../../i18n/use-t';
import { labelOf } from '../../i18n/vocabulary';
import { Text } from '../Type';

const statusColors: Record<ClaimStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  rejected: 'error',
  effective: 'success',
  voided: 'default',
};

/** A requirement's name; an unknown code (a pack newer than this build) shows as a dash. */
export function requirementLabel(t: Translate, code: string): string {
  return labelOf(t, 'requirement', code);
}

export function activityLabel(t: Translate, type: ActivityType, projectNumber: string | null) {
  const name = t(`credits.type.${type}`);
  return projectNumber ? `${name} ${projectNumber}` : name;
}

export function StatusTag({ status }: { status: ClaimStatus }) {
  const { t } = useT();
  return (
    <Tag color={statusColors[status]} data-testid="claim-status">
      {t(`credits.status.${status}`)}
    </Tag>
  );
}

export function ChannelTags({ channels }: { channels: readonly CreditChannel[] }) {
  const { t } = useT();
  const known = channels.filter((c) => creditChannels.includes(c));
  return (
    <Space size={4} wrap>
      {known.map((c) => (
        <Tag key={c} color="blue">
          {t(`credits.channel.${c}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** The rules engine's reasons, in words (an unknown code as a dash). */
export function ReasonList({ reasons }: { reasons: readonly string[] }) {
  const { t } = useT();
  if (reasons.length === 0) return <Text type="secondary">—</Text>;
  return (
    <Space orientation="vertical" size={0}>
      {reasons.map((code) => (
        <Text key={code} type="secondary" data-reason={code}>
          {labelOf(t, 'valuationReason', code)}
        </Text>
      ))}
    </Space>
  );
}

/**
 * The first line of a credit or claim card on a phone: what the activity was, and its
 * credits on the right.
 */
export function CreditCardHeadline({
  activityType,
  projectNumber,
  credits,
}: {
  activityType: ActivityType;
  projectNumber: string | null;
  credits: number;
}) {
  const { t } = useT();
  return (
    <Flex justify="space-between" align="baseline" gap={8}>
      <Text strong style={{ minWidth: 0 }}>
        {activityLabel(t, activityType, projectNumber)}
      </Text>
      <Text strong style={{ whiteSpace: 'nowrap' }}>
        {t('phone.creditsValue', { credits })}
      </Text>
    </Flex>
  );
}
