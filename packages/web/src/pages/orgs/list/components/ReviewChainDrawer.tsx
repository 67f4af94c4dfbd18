import { useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Org, ReviewChain } from '@jijiao/contracts';
import { fetchReviewChain, updateReviewChain } from '../../../../api';
import { FormError } from '../../../../components/FormError';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { PageError, PageLoading } from '../../../../components/PageState';
import { useT } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';
import {
  chainChanged,
  maxReviewSteps,
  moveStep,
  reviewingKinds,
  type ChainStep,
} from '../org-validation';
import { useFeedback } from '../../../../components/feedback';

/** A unit's review chain: the version in force, and (org:manage) an editor for the next one. */
export function ReviewChainDrawer({
  unit,
  canEdit,
  onClose,
}: {
  unit: Org | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useT();
  const chain = useQuery({
    queryKey: ['orgs', 'review-chain', unit?.id ?? null],
    queryFn: () => fetchReviewChain(unit?.id ?? ''),
    enabled: unit !== null,
  });
  return (
    <Drawer
      open={unit !== null}
      title={unit ? t('orgs.chain.title', { name: unit.name }) : ''}
      onClose={onClose}
      size={560}
      destroyOnHidden
    >
      {unit === null ? null : chain.isError ? (
        <PageError error={chain.error} onRetry={() => void chain.refetch()} />
      ) : chain.isPending ? (
        <PageLoading />
      ) : (
        <ChainEditor
          key={`${chain.data.unitId}-${chain.data.version}`}
          chain={chain.data}
          canEdit={canEdit}
        />
      )}
    </Drawer>
  );
}

function ChainEditor({ chain, canEdit }: { chain: ReviewChain; canEdit: boolean }) {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const current: ChainStep[] = chain.steps.map((s) => ({
    orgId: s.orgId,
    orgName: s.orgName,
    orgKind: s.orgKind,
  }));
  const [steps, setSteps] = useState<ChainStep[]>(current);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => updateReviewChain(chain.unitId, { steps: steps.map((s) => s.orgId) }),
    onSuccess: (saved) => {
      message.success(t('orgs.chain.saved', { version: saved.version }));
      queryClient.setQueryData(['orgs', 'review-chain', chain.unitId], saved);
    },
  });
  const changed = chainChanged(current, steps);

  return (
    <Flex vertical gap={16}>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'version',
            label: t('orgs.chain.current'),
            children: (
              <span data-testid="chain-version">
                {chain.version === 0
                  ? t('orgs.chain.defaultVersion')
                  : t('orgs.chain.version', { version: chain.version })}
              </span>
            ),
          },
          {
            key: 'from',
            label: t('orgs.chain.effectiveFrom'),
            children: formatDateTime(chain.effectiveFrom),
          },
        ]}
      />
      {steps.length === 0 ? (
        <Empty description={t('orgs.chain.empty')} />
      ) : (
        <Table<ChainStep>
          rowKey="orgId"
          size="small"
          bordered
          pagination={false}
          dataSource={steps}
          data-testid="chain-steps"
          columns={[
            {
              title: t('orgs.chain.order'),
              key: 'level',
              width: 110,
              render: (_v: unknown, _step, index) => (
                <Tag color={index === steps.length - 1 ? 'purple' : 'blue'}>
                  {index === steps.length - 1
                    ? `${t('orgs.chain.level', { level: index + 1 })} · ${t('orgs.chain.final')}`
                    : t('orgs.chain.level', { level: index + 1 })}
                </Tag>
              ),
            },
            {
              title: t('orgs.name'),
              key: 'org',
              render: (_v: unknown, step) => (
                <Space>
                  <span>{step.orgName}</span>
                  <Typography.Text type="secondary">{t(`orgKind.${step.orgKind}`)}</Typography.Text>
                </Space>
              ),
            },
            ...(canEdit
              ? [
                  {
                    title: t('orgs.actions'),
                    key: 'actions',
                    width: 120,
                    render: (_v: unknown, _step: ChainStep, index: number) => (
                      <Space size={0}>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowUpOutlined />}
                          aria-label={t('orgs.chain.moveUp')}
                          title={t('orgs.chain.moveUp')}
                          disabled={index === 0}
                          onClick={() => {
                            setSteps(moveStep(steps, index, -1));
                          }}
                        />
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          aria-label={t('orgs.chain.moveDown')}
                          title={t('orgs.chain.moveDown')}
                          disabled={index === steps.length - 1}
                          onClick={() => {
                            setSteps(moveStep(steps, index, 1));
                          }}
                        />
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('orgs.chain.remove')}
                          title={t('orgs.chain.remove')}
                          onClick={() => {
                            setSteps(steps.filter((_s, i) => i !== index));
                          }}
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canEdit && (
        <>
          <Flex vertical gap={4}>
            <Typography.Text strong>{t('orgs.chain.add')}</Typography.Text>
            <OrgTreeSelect
              aria-label={t('orgs.chain.add')}
              placeholder={t('orgs.chain.pick')}
              selectableKinds={reviewingKinds}
              disabledIds={steps.map((s) => s.orgId)}
              value={undefined}
              onChange={(orgId, org) => {
                if (orgId === undefined || org === undefined) return;
                if (steps.some((s) => s.orgId === orgId)) {
                  setProblem(t('orgs.chain.duplicate'));
                  return;
                }
                if (steps.length >= maxReviewSteps) {
                  setProblem(t('orgs.chain.tooMany', { max: maxReviewSteps }));
                  return;
                }
                setProblem(null);
                setSteps([...steps, { orgId, orgName: org.name, orgKind: org.kind }]);
              }}
              style={{ width: '100%' }}
            />
          </Flex>
          {problem && <Alert type="warning" showIcon title={problem} />}
          <Alert type="info" showIcon title={t('orgs.chain.hint')} />
          <FormError error={save.error} placed={false} />
          <Flex justify="flex-end" gap={8}>
            <Button
              disabled={!changed || save.isPending}
              onClick={() => {
                setSteps(current);
                setProblem(null);
              }}
            >
              {t('common.reset')}
            </Button>
            <Button
              type="primary"
              disabled={!changed}
              loading={save.isPending}
              data-testid="chain-save"
              onClick={() => {
                if (steps.length === 0) {
                  setProblem(t('orgs.chain.needOne'));
                  return;
                }
                save.mutate();
              }}
            >
              {t('orgs.chain.save')}
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  );
}
