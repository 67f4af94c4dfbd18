import { Space, Tag, Typography, type TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { ActivityType, ClaimSummary, CreditChannel } from '@jijiao/contracts';
import type { ReviewQueueFilters } from '../../../../api';
import type { Translate } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';

type SortKey = ReviewQueueFilters['sort'];

/** The queue's columns; the person's name opens the claim's drawer. */
export function reviewQueueColumns({
  t,
  filters,
  onOpen,
}: {
  t: Translate;
  filters: ReviewQueueFilters;
  onOpen: (claimId: string) => void;
}): TableColumnsType<ClaimSummary> {
  const sortOrder = (key: SortKey): 'ascend' | 'descend' | null =>
    filters.sort === key ? (filters.order === 'asc' ? 'ascend' : 'descend') : null;
  const sortable = (key: SortKey) => ({
    key,
    sorter: true,
    sortOrder: sortOrder(key),
    sortDirections: ['ascend' as const, 'descend' as const],
  });

  return [
    {
      title: t('reviews.person'),
      dataIndex: 'personName',
      fixed: 'left',
      render: (name: string, c) => (
        <Space size={4}>
          <Typography.Link
            onClick={() => {
              onOpen(c.id);
            }}
            data-testid="queue-open"
          >
            {name}
          </Typography.Link>
          {c.flagged && (
            <Tag color="red" icon={<WarningOutlined />} data-testid="queue-flag">
              {t('reviews.sharedTag')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('reviews.unit'), dataIndex: 'unitName' },
    {
      title: t('reviews.activityType'),
      dataIndex: 'activityType',
      render: (v: ActivityType) => t(`reviews.type.${v}`),
    },
    { title: t('reviews.activityDate'), dataIndex: 'activityDate', ...sortable('activityDate') },
    {
      title: t('reviews.credits'),
      dataIndex: 'credits',
      ...sortable('credits'),
      render: (v: number, c) => (c.class ? `${v} (${t(`reviews.class.${c.class}`)})` : v),
    },
    {
      title: t('reviews.channelLabel'),
      dataIndex: 'channel',
      render: (v: CreditChannel) => t(`reviews.channel.${v}`),
    },
    { title: t('reviews.waitingAt'), dataIndex: 'currentReviewerOrgName' },
    {
      title: t('reviews.submittedAt'),
      dataIndex: 'submittedAt',
      ...sortable('submittedAt'),
      render: (v: string | null) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>
      ),
    },
  ];
}
