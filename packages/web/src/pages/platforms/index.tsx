import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Platform, PlatformKey, PlatformKeyIssued } from '@jijiao/contracts';
import { issuePlatformKey, listPlatforms, revokePlatformKey, setPlatformTrusted } from '../../api';
import { PageError, PageLoading } from '../../components/PageState';
import { errorText } from '../../i18n/error-message';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../utils/format';
import { PageHeader } from '../../components/PageHeader';
import { useFeedback } from '../../components/feedback';

const queryKey = ['platforms'];

/**
 * 平台接入: the online platforms of the province, their API keys (prefix only; a new key's
 * secret is shown once), revoking keys and trusting a platform (its credits need no review).
 */
export function PlatformsPage() {
  const { t } = useT();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const platforms = useQuery({ queryKey, queryFn: listPlatforms });
  const [issuing, setIssuing] = useState<Platform | null>(null);
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<PlatformKeyIssued | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const onError = (error: unknown) => {
    message.error(errorText(t, error));
  };

  const issue = useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => issuePlatformKey(id, text),
    onSuccess: (result) => {
      setIssuing(null);
      setLabel('');
      setIssued(result);
      void refresh();
    },
    onError,
  });
  const revoke = useMutation({
    mutationFn: ({ id, keyId }: { id: string; keyId: string }) => revokePlatformKey(id, keyId),
    onSuccess: () => {
      message.success(t('platforms.revoked'));
      void refresh();
    },
    onError,
  });
  const trust = useMutation({
    mutationFn: ({ id, trusted }: { id: string; trusted: boolean }) =>
      setPlatformTrusted(id, trusted),
    onSuccess: () => void refresh(),
    onError,
  });

  if (platforms.isPending) return <PageLoading />;
  if (platforms.isError)
    return <PageError error={platforms.error} onRetry={() => void platforms.refetch()} />;

  const keyColumns = (platform: Platform): TableColumnsType<PlatformKey> => [
    { title: t('platforms.keyLabel'), dataIndex: 'label' },
    {
      title: t('platforms.keyPrefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('platforms.createdAt'),
      dataIndex: 'createdAt',
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('platforms.keyStatus'),
      dataIndex: 'revokedAt',
      render: (revokedAt: string | null) =>
        revokedAt ? (
          <Tag>{t('platforms.revokedAt', { at: formatDateTime(revokedAt) })}</Tag>
        ) : (
          <Tag color="green">{t('platforms.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, key) =>
        key.revokedAt ? null : (
          <Popconfirm
            title={t('platforms.revokeConfirm')}
            onConfirm={() => {
              revoke.mutate({ id: platform.id, keyId: key.id });
            }}
          >
            <Button danger size="small">
              {t('platforms.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card>
      <PageHeader title={t('platforms.title')} />
      <Typography.Paragraph type="secondary">{t('platforms.intro')}</Typography.Paragraph>
      {platforms.data.items.length === 0 ? <Alert type="info" title={t('platforms.none')} /> : null}
      <Flex vertical gap={16}>
        {platforms.data.items.map((platform) => (
          <Card
            key={platform.id}
            size="small"
            title={platform.name}
            data-testid={`platform-${platform.id}`}
            extra={
              <Flex gap={16} align="center">
                <Flex gap={8} align="center">
                  <Switch
                    aria-label={t('platforms.trusted')}
                    checked={platform.trusted}
                    loading={trust.isPending}
                    onChange={(trusted) => {
                      trust.mutate({ id: platform.id, trusted });
                    }}
                  />
                  <Typography.Text>{t('platforms.trusted')}</Typography.Text>
                </Flex>
                <Button
                  icon={<KeyOutlined />}
                  onClick={() => {
                    setIssuing(platform);
                  }}
                >
                  {t('platforms.issue')}
                </Button>
              </Flex>
            }
          >
            <Typography.Paragraph type="secondary">
              {platform.trusted ? t('platforms.trustedHint') : t('platforms.untrustedHint')}
            </Typography.Paragraph>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              columns={keyColumns(platform)}
              dataSource={platform.keys}
              locale={{ emptyText: t('platforms.noKeys') }}
            />
          </Card>
        ))}
      </Flex>

      <Modal
        open={issuing !== null}
        title={t('platforms.issueTitle', { name: issuing?.name ?? '' })}
        okText={t('platforms.issue')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: label.trim() === '', loading: issue.isPending }}
        onOk={() => {
          if (issuing) issue.mutate({ id: issuing.id, text: label.trim() });
        }}
        onCancel={() => {
          setIssuing(null);
        }}
      >
        <Input
          aria-label={t('platforms.keyLabel')}
          placeholder={t('platforms.keyLabelPlaceholder')}
          maxLength={100}
          value={label}
          onChange={(e) => {
            setLabel(e.target.value);
          }}
        />
      </Modal>

      <Modal
        open={issued !== null}
        title={t('platforms.secretTitle')}
        closable={false}
        mask={{ closable: false }}
        destroyOnHidden
        footer={
          <Button
            type="primary"
            onClick={() => {
              setIssued(null);
            }}
          >
            {t('platforms.secretDone')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('platforms.secretOnce')} />
        <Typography.Paragraph
          code
          copyable={{ text: issued?.secret ?? '' }}
          data-testid="platform-secret"
          style={{ marginTop: 16, wordBreak: 'break-all' }}
        >
          {issued?.secret}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
