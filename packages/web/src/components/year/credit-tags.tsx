import { Space, Tag, Typography } from 'antd';
import {
  creditChannels,
  type ActivityType,
  type ClaimStatus,
  type CreditChannel,
} from '@jijiao/contracts';
import { reasonCodes, type ReasonCode } from '@jijiao/domain';
import { useT, type Translate } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/message-key';

const statusColors: Record<ClaimStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  rejected: 'error',
  effective: 'success',
  voided: 'default',
};

const knownRequirements = [
  'annual_total',
  'class_I_minimum',
  'class_II_minimum',
  'stage_national_projects',
] as const;

/** A requirement's name; an unknown code (a future pack) shows as it is. */
export function requirementLabel(t: Translate, code: string): string {
  return (knownRequirements as readonly string[]).includes(code)
    ? t(`credits.requirement.${code as (typeof knownRequirements)[number]}`)
    : code;
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

const reasonKey = (code: string): MessageKey | undefined =>
  (reasonCodes as readonly string[]).includes(code)
    ? `credits.reason.${code as ReasonCode}`
    : undefined;

/** The rules engine's reasons, in words (an unknown code as it is). */
export function ReasonList({ reasons }: { reasons: readonly string[] }) {
  const { t } = useT();
  if (reasons.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {reasons.map((code) => {
        const key = reasonKey(code);
        return (
          <Typography.Text key={code} type="secondary" data-reason={code}>
            {key ? t(key) : code}
          </Typography.Text>
        );
      })}
    </Space>
  );
}
