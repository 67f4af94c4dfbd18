import { Button, Flex, Popconfirm, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { AwardLine } from '@jijiao/contracts';
import type { Translate } from '../../../../i18n/use-t';
import { AwardLineStatusTag } from '../../components/AwardStatusTag';
import { packsText } from '../../../../i18n/pack-label';

const removable = (l: AwardLine) => l.status === 'draft' || l.status === 'returned' || l.matched;

/** The batch's lines; a remove action while the host may still edit the batch. */
export function awardLineColumns({
  t,
  canEdit,
  onRemove,
}: {
  t: Translate;
  canEdit: boolean;
  onRemove: (lineId: string) => void;
}): TableColumnsType<AwardLine> {
  return [
    { title: t('awards.col.lineNo'), dataIndex: 'lineNo', width: 64 },
    { title: t('awards.col.person'), dataIndex: 'personName' },
    { title: t('awards.col.idNumber'), dataIndex: 'idNumberMasked' },
    { title: t('awards.col.unit'), dataIndex: 'unitName' },
    {
      title: t('awards.col.role'),
      dataIndex: 'role',
      render: (v: AwardLine['role']) => t(`awards.role.${v}`),
    },
    { title: t('awards.col.hours'), dataIndex: 'hours', render: (v: number | null) => v ?? '—' },
    {
      title: t('awards.col.awardedCredits'),
      dataIndex: 'awardedCredits',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: t('awards.col.credits'),
      dataIndex: 'credits',
      render: (v: number, l) => (
        <Tooltip
          title={t('awards.packs', {
            packs: packsText(t, l.packVersions),
          })}
        >
          <Typography.Text strong>{v}</Typography.Text>
          {l.class && <Tag style={{ marginLeft: 4 }}>{l.class}</Tag>}
        </Tooltip>
      ),
    },
    {
      title: t('awards.col.status'),
      dataIndex: 'status',
      render: (v: AwardLine['status']) => <AwardLineStatusTag status={v} />,
    },
    {
      title: t('awards.col.note'),
      key: 'note',
      render: (_v: unknown, l) => (
        <Flex vertical gap={2}>
          {l.matched && l.matchedChannel && (
            <Tag color="blue">
              {t('awards.matched', { channel: t(`awards.channel.${l.matchedChannel}`) })}
            </Tag>
          )}
          {l.returnReason && (
            <Typography.Text type="warning">
              {t('awards.returnReason', { reason: l.returnReason })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t(`awards.lineSource.${l.source}`)}</Typography.Text>
        </Flex>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, l: AwardLine) =>
              removable(l) && (
                <Popconfirm
                  title={t('awards.removeConfirm')}
                  okText={t('awards.remove')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => {
                    onRemove(l.id);
                  }}
                >
                  <Button type="link" size="small" danger>
                    {t('awards.remove')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];
}
