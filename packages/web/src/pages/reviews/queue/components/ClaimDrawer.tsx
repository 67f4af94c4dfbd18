import { useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Popconfirm,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Claim } from '@jijiao/contracts';
import { decideClaim, isApiError, type ReviewDecisionAction } from '../../../../api';
import { PageError, PageLoading } from '../../../../components/PageState';
import { errorText } from '../../../../i18n/error-message';
import { useT, type Translate } from '../../../../i18n/use-t';
import { packsText } from '../../../../i18n/pack-label';
import { labelOf } from '../../../../i18n/vocabulary';
import {
  activityFieldLabel,
  activityFieldText,
} from '../../../../components/activity/activity-field-text';
import { formatDateTime } from '../../../../utils/format';
import { useClaim } from '../use-review-queue';
import { EvidenceChecklist } from './EvidenceChecklist';
import { EvidenceViewer } from './EvidenceViewer';
import { ReasonModal } from './ReasonModal';
import { provenanceText } from './provenance-text';
import { historyActorText } from './history-text';
import { useFeedback } from '../../../../components/feedback';

/** The activity's own fields in words (type and date are shown apart; unknown fields not at all). */
function activityFields(t: Translate, claim: Claim): { label: string; value: string }[] {
  return Object.entries(claim.activity).flatMap(([key, value]) => {
    const label = activityFieldLabel(t, key);
    return label === undefined
      ? []
      : [{ label, value: activityFieldText(t, claim.activityType, key, value) }];
  });
}

/** One claim for the reviewer: activity, credits and reasons, provenance, history, evidence. */
export function ClaimDrawer({ claimId, onClose }: { claimId: string | null; onClose: () => void }) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const claim = useClaim(claimId);
  const [asking, setAsking] = useState<'return' | 'reject' | null>(null);

  const decide = useMutation({
    mutationFn: (input: { action: ReviewDecisionAction; claim: Claim; reason?: string }) =>
      decideClaim(input.claim.id, input.action, {
        version: input.claim.version,
        reason: input.reason,
        // 代审: only offered when the claim waits at a body below the caller's (ADR 0023).
        ...(input.claim.canActFor ? { actFor: true } : {}),
      }),
    onSuccess: (_done, input) => {
      setAsking(null);
      message.success(t(`reviews.done.${input.action}`));
      void queryClient.invalidateQueries({ queryKey: ['reviews'] });
      onClose();
    },
    onError: (error) => {
      setAsking(null);
      if (isApiError(error) && error.code === 'stale_state') {
        // Someone else acted first: show what the claim is now.
        message.warning(t('errors.stale_state'));
        void queryClient.invalidateQueries({ queryKey: ['reviews'] });
        return;
      }
      message.error(errorText(t, error));
    },
  });

  const c = claim.data;
  const actingFor = c?.canActFor === true;
  const org = c?.currentReviewerOrgName ?? '';
  const reasonTitle = (action: 'return' | 'reject') =>
    actingFor
      ? t('reviews.actForTitle', { org, action: t(`reviews.${action}`) })
      : t(`reviews.${action}`);
  return (
    <Drawer
      open={claimId !== null}
      onClose={onClose}
      size="large"
      title={c ? `${c.personName} · ${t(`reviews.type.${c.activityType}`)}` : t('reviews.detail')}
      data-testid="claim-drawer"
      destroyOnHidden
      extra={
        c && (c.canAct || c.canActFor) ? (
          <Space>
            <Button
              danger
              onClick={() => {
                setAsking('reject');
              }}
              data-testid="claim-reject"
            >
              {t('reviews.reject')}
            </Button>
            <Button
              onClick={() => {
                setAsking('return');
              }}
              data-testid="claim-return"
            >
              {t('reviews.return')}
            </Button>
            <Popconfirm
              title={
                actingFor ? t('reviews.actForApproveConfirm', { org }) : t('reviews.approveConfirm')
              }
              okText={t('reviews.approve')}
              cancelText={t('common.cancel')}
              onConfirm={() => {
                decide.mutate({ action: 'approve', claim: c });
              }}
            >
              <Button type="primary" loading={decide.isPending} data-testid="claim-approve">
                {t('reviews.approve')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {claim.isPending && claimId !== null && <PageLoading />}
      {claim.isError && <PageError error={claim.error} onRetry={() => void claim.refetch()} />}
      {c && (
        <Flex vertical gap={24}>
          {!c.canAct && !c.canActFor && c.status === 'submitted' && (
            <Alert type="info" showIcon title={t('reviews.notAtYourLevel')} />
          )}
          {c.canActFor && (
            <Alert
              type="warning"
              showIcon
              title={t('reviews.actForAlert', { org })}
              data-testid="act-for-alert"
            />
          )}
          {c.flagged && <Alert type="error" showIcon title={t('reviews.flaggedClaim')} />}
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('reviews.person')}>{c.personName}</Descriptions.Item>
            <Descriptions.Item label={t('reviews.unit')}>{c.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('reviews.activityType')}>
              {t(`reviews.type.${c.activityType}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.activityDate')}>
              {c.endDate ? `${c.activityDate} – ${c.endDate}` : c.activityDate}
            </Descriptions.Item>
            {activityFields(t, c).map(({ label, value }) => (
              <Descriptions.Item key={label} label={label}>
                {value}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('reviews.credits')}>
              <span data-testid="claim-credits">{c.credits}</span>
              {c.class && (
                <Tag style={{ marginInlineStart: 8 }}>{t(`reviews.class.${c.class}`)}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.year')}>{c.year}</Descriptions.Item>
            <Descriptions.Item label={t('reviews.status')}>
              <Tag data-testid="claim-status">{t(`reviews.claimStatus.${c.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.packs')}>
              {packsText(t, c.packVersions)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.reasons')} span={2}>
              {c.reasons.length === 0
                ? '—'
                : c.reasons.map((r) => <Tag key={r}>{labelOf(t, 'valuationReason', r)}</Tag>)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.provenance')} span={2}>
              <Flex vertical>
                {c.provenances.map((p, i) => (
                  <span key={i}>
                    {t(`reviews.channel.${p.channel}`)} · {formatDateTime(p.receivedAt)}
                    {provenanceText(t, p.sourceRef)}
                  </span>
                ))}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('reviews.chain')} span={2}>
              {c.chain.map((s, i) => (
                <Tag
                  key={s.orgId}
                  color={c.status === 'submitted' && i === c.currentStep ? 'blue' : undefined}
                >
                  {s.level}. {s.orgName}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>

          <section>
            <Typography.Title level={5}>{t('reviews.evidence')}</Typography.Title>
            <EvidenceChecklist items={c.evidenceChecklist} />
            {c.evidence.length === 0 ? (
              <Empty description={t('reviews.noEvidence')} />
            ) : (
              <Flex vertical gap={16}>
                {c.evidence.map((file) => (
                  <EvidenceViewer key={file.sha256} file={file} />
                ))}
              </Flex>
            )}
          </section>

          <section>
            <Typography.Title level={5}>{t('reviews.history')}</Typography.Title>
            <Timeline
              items={c.history.map((h) => ({
                children: (
                  <>
                    <Typography.Text strong>{t(`reviews.action.${h.action}`)}</Typography.Text>{' '}
                    <span data-testid={h.actedFor ? 'history-acted-for' : undefined}>
                      {historyActorText(t, h)}
                    </span>
                    <Typography.Text type="secondary"> · {formatDateTime(h.at)}</Typography.Text>
                    {h.reason && (
                      <div>
                        {t('reviews.reason')}：{h.reason}
                      </div>
                    )}
                  </>
                ),
              }))}
            />
          </section>
        </Flex>
      )}
      <ReasonModal
        open={asking !== null}
        title={reasonTitle(asking === 'reject' ? 'reject' : 'return')}
        confirming={decide.isPending}
        onCancel={() => {
          setAsking(null);
        }}
        onOk={(reason) => {
          if (c && asking) decide.mutate({ action: asking, claim: c, reason });
        }}
      />
    </Drawer>
  );
}
