import { Flex, List, Typography } from 'antd';
import type { searchPublicProjects } from '../../../api';
import { useT } from '../../../i18n/use-t';
import { formatDateRange } from '../../../utils/format';
import { ProjectStatusTag } from './ProjectStatusTag';

type PublicProject = Awaited<ReturnType<typeof searchPublicProjects>>['items'][number];

/** Filed projects on a phone: one card each, the number and name first. */
export function ProjectCards({
  rows,
  loading,
}: {
  rows: readonly PublicProject[];
  loading: boolean;
}) {
  const { t } = useT();
  return (
    <List<PublicProject>
      rowKey="number"
      loading={loading}
      dataSource={[...rows]}
      data-testid="public-project-list"
      locale={{ emptyText: t('publicProjects.empty') }}
      renderItem={(p) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
            <Typography.Text strong>{p.name}</Typography.Text>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{p.number}</Typography.Text>
              <ProjectStatusTag status={p.status} />
            </Flex>
            <Typography.Text type="secondary">
              {t(`projectLevel.${p.level}`)} · {p.hostName}
            </Typography.Text>
            <Typography.Text type="secondary">
              {formatDateRange(p.startDate, p.endDate)}
              {p.place ? ` · ${p.place}` : ''}
            </Typography.Text>
            <Typography.Text>
              {t('phone.creditsValue', { credits: p.attendeeCredits })}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
