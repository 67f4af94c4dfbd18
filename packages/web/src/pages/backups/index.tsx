import { Button, Card, Descriptions, Empty, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Backup } from '@jijiao/contracts';
import { checkBackup, createBackup, listBackups } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { PageError, PageLoading } from '../../components/PageState';
import { Paragraph, Text } from '../../components/Type';
import { useFeedback } from '../../components/feedback';
import { errorText } from '../../i18n/error-message';
import { useT, type Translate } from '../../i18n/use-t';
import { formatDateTime } from '../../utils/format';

export const backupsQueryKey = ['system', 'backups'] as const;

/**
 * 数据备份: the backups in the backup directory with their last check, a backup on request,
 * a check on request, and the schedule. Restoring is a command-line step (docs/backups.md).
 */
export function BackupsPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: backupsQueryKey, queryFn: listBackups });
  const refresh = () => queryClient.invalidateQueries({ queryKey: backupsQueryKey });
  const create = useMutation({
    mutationFn: createBackup,
    onSuccess: (backup) => {
      if (backup.check?.ok) message.success(t('backups.created'));
      else message.warning(t('backups.createdWithProblem'));
      void refresh();
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  const check = useMutation({
    mutationFn: (backup: Backup) => checkBackup(backup.name),
    onSuccess: (backup) => {
      if (backup.check?.ok) message.success(t('backups.checked'));
      else message.error(t('backups.checkFailed'));
      void refresh();
    },
    onError: (error) => {
      message.error(errorText(t, error));
    },
  });
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoading />;
  const list = query.data;
  const writing = create.isPending || list.running;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="backups-page">
      <Card>
        <PageHeader
          title={t('backups.title')}
          extra={
            <Button
              type="primary"
              loading={writing}
              onClick={() => {
                create.mutate();
              }}
              data-testid="backup-now"
            >
              {writing ? t('backups.writing') : t('backups.backUpNow')}
            </Button>
          }
        />
        <Paragraph type="secondary">{t('backups.intro')}</Paragraph>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'schedule',
              label: t('backups.schedule'),
              children:
                list.dailyAt === null
                  ? t('backups.scheduleOff')
                  : t('backups.scheduleDaily', { at: list.dailyAt, keep: list.keep }),
            },
            {
              key: 'directory',
              label: t('backups.directory'),
              children: <Text code>{list.directory}</Text>,
            },
          ]}
        />
      </Card>
      <Card>
        <Table<Backup>
          rowKey="name"
          dataSource={list.backups}
          columns={backupColumns(t, {
            onCheck: (backup) => {
              check.mutate(backup);
            },
            checking: check.isPending ? check.variables.name : null,
          })}
          pagination={false}
          scroll={{ x: 820 }}
          locale={{ emptyText: <Empty description={t('backups.empty')} /> }}
          data-testid="backups-table"
        />
      </Card>
    </Space>
  );
}

function backupColumns(
  t: Translate,
  actions: { onCheck: (backup: Backup) => void; checking: string | null },
): ColumnsType<Backup> {
  return [
    {
      key: 'createdAt',
      title: t('backups.columns.createdAt'),
      render: (_, backup) => (
        <Tooltip title={backup.name}>
          <span>{backup.createdAt ? formatDateTime(backup.createdAt) : backup.name}</span>
        </Tooltip>
      ),
    },
    {
      key: 'size',
      title: t('backups.columns.size'),
      align: 'right',
      render: (_, backup) =>
        t('backups.sizeMb', { size: (backup.sizeBytes / 1_048_576).toFixed(1) }),
    },
    {
      key: 'content',
      title: t('backups.columns.content'),
      render: (_, backup) =>
        backup.tables === null ? (
          <Text type="danger">{t('backups.unreadable')}</Text>
        ) : (
          t('backups.content', {
            tables: backup.tables,
            rows: (backup.rows ?? 0).toLocaleString('zh-CN'),
            files: backup.files ?? 0,
          })
        ),
    },
    {
      key: 'version',
      title: t('backups.columns.version'),
      render: (_, backup) => backup.appVersion ?? '—',
    },
    {
      key: 'check',
      title: t('backups.columns.check'),
      render: (_, backup) => <CheckResult t={t} backup={backup} />,
    },
    {
      key: 'actions',
      title: t('backups.columns.actions'),
      render: (_, backup) => (
        <Button
          size="small"
          loading={actions.checking === backup.name}
          onClick={() => {
            actions.onCheck(backup);
          }}
          data-testid={`check-${backup.name}`}
        >
          {t('backups.check')}
        </Button>
      ),
    },
  ];
}

function CheckResult({ t, backup }: { t: Translate; backup: Backup }) {
  const { check } = backup;
  if (check === null) return <Tag>{t('backups.neverChecked')}</Tag>;
  return (
    <Space orientation="vertical" size={0}>
      <span>
        {check.ok ? (
          <Tag color="success">{t('backups.checkOk')}</Tag>
        ) : (
          <Tooltip title={check.problem}>
            <Tag color="error">{t('backups.checkFailedTag')}</Tag>
          </Tooltip>
        )}
        <Text type="secondary">
          {t('backups.checkedAt', { at: formatDateTime(check.checkedAt) })}
        </Text>
      </span>
      {check.ok ? null : (
        <Text type="danger" style={{ fontSize: 12 }}>
          {t('backups.damaged')}
        </Text>
      )}
    </Space>
  );
}
