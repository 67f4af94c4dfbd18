import { useState } from 'react';
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { auditActions, type AuditLogEntry } from '@jijiao/contracts';
import { listAuditLog, type AuditLogFilters } from '../../api';
import { ListFooter } from '../../components/ListFooter';
import { PageError } from '../../components/PageState';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../utils/format';
import { actionFamilies, familyOf } from './action-families';
import { toFilters, type FilterForm } from './filters';
import { actorText, describeDetails, targetText } from './describe-entry';
import { EntryDetails } from './EntryDetails';
import { isCodeOf, labelOf } from '../../i18n/vocabulary';
import { PageHeader } from '../../components/PageHeader';

const pageSize = 100;

/** An action the filter offers (an action, or a family ending in a dot), else none. */
function actionParam(raw: string | null): string | undefined {
  if (raw === null) return undefined;
  if (isCodeOf('auditAction', raw)) return raw;
  return actionFamilies.some((family) => `${family}.` === raw) ? raw : undefined;
}

/** 审计日志: the append-only log of the caller's subtree, newest first, with filters. */
export function AuditLogPage() {
  const { t } = useT();
  // `?action=` (a 工作台's link) opens the log filtered to that action or family.
  const [searchParams] = useSearchParams();
  const [initialAction] = useState(() => actionParam(searchParams.get('action')));
  const [filters, setFilters] = useState<AuditLogFilters>(
    initialAction === undefined ? {} : { action: initialAction },
  );
  const pages = useInfiniteQuery({
    queryKey: ['audit-log', filters],
    queryFn: ({ pageParam }) => listAuditLog({ ...filters, limit: pageSize, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<AuditLogEntry> = [
    {
      title: t('auditLog.at'),
      dataIndex: 'at',
      width: 150,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
    },
    {
      title: t('auditLog.action'),
      dataIndex: 'action',
      render: (action: string) => {
        const family = familyOf(action);
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {family && <Tag>{t(`auditLog.families.${family}`)}</Tag>}
            <span data-action={action}>{labelOf(t, 'auditAction', action)}</span>
          </span>
        );
      },
    },
    {
      title: t('auditLog.actor'),
      dataIndex: 'actorUsername',
      render: (name: string | null) => actorText(t, name),
    },
    {
      title: t('auditLog.target'),
      key: 'target',
      render: (_v: unknown, entry) =>
        entry.targetId === null ? (
          '—'
        ) : (
          <Typography.Text copyable={{ text: entry.targetId }} style={{ whiteSpace: 'nowrap' }}>
            {targetText(t, entry)}
          </Typography.Text>
        ),
    },
    {
      title: t('auditLog.ip'),
      dataIndex: 'ip',
      // Work done from the command line records `cli` where a request has an address.
      render: (ip: string | null) => (ip === null ? '—' : actorText(t, ip)),
    },
    {
      title: t('auditLog.details'),
      key: 'details',
      render: (_v: unknown, entry) => {
        const text = describeDetails(t, entry);
        return text === '' ? (
          '—'
        ) : (
          <Typography.Text type="secondary" ellipsis={{ tooltip: text }} style={{ maxWidth: 360 }}>
            {text}
          </Typography.Text>
        );
      },
    },
  ];

  return (
    <Card>
      <PageHeader title={t('auditLog.title')} />
      <Typography.Paragraph type="secondary">{t('auditLog.intro')}</Typography.Paragraph>
      <Form<FilterForm>
        layout="inline"
        initialValues={initialAction === undefined ? {} : { action: initialAction }}
        onFinish={(values) => {
          setFilters(toFilters(values));
        }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="action" label={t('auditLog.action')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={t('auditLog.anyAction')}
            data-testid="audit-log-action"
            options={[
              ...actionFamilies.map((family) => ({
                value: `${family}.`,
                label: t('auditLog.familyOption', { family: t(`auditLog.families.${family}`) }),
              })),
              ...auditActions.map((action) => ({
                value: action,
                label: labelOf(t, 'auditAction', action),
              })),
            ]}
          />
        </Form.Item>
        <Form.Item name="actor" label={t('auditLog.actor')}>
          <Input allowClear style={{ width: 160 }} data-testid="audit-log-actor" />
        </Form.Item>
        <Form.Item name="targetId" label={t('auditLog.targetId')}>
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="days" label={t('auditLog.days')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {pages.isError ? (
        <PageError error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <>
          <Table<AuditLogEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={pages.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            expandable={{
              rowExpandable: (entry) => Object.keys(entry.details).length > 0,
              expandedRowRender: (entry) => <EntryDetails entry={entry} />,
            }}
            data-testid="audit-log-table"
          />
          <ListFooter
            count={rows.length}
            hasMore={pages.hasNextPage}
            loading={pages.isFetchingNextPage}
            onMore={() => void pages.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
