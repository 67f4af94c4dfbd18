import { useState } from 'react';
import { Card, Empty, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import type { CertificateRegisterItem } from '@jijiao/contracts';
import { exportCertificateRegister, listCertificateRegister } from '../../api';
import { DownloadButton } from '../../components/DownloadButton';
import { ListFooter } from '../../components/ListFooter';
import { PageError } from '../../components/PageState';
import { useT } from '../../i18n/use-t';
import { useSession } from '../../session/session-context';
import { RegisterFilterBar } from './components/RegisterFilterBar';
import { RevokeModal } from './components/RevokeModal';
import { CertificatePdfActions } from './components/CertificatePdfActions';
import { registerColumns } from './components/register-columns';
import {
  parseRegisterFilters,
  registerPath,
  registerQuery,
  type RegisterFilters,
} from './register-filters';
import { PageHeader } from '../../components/PageHeader';

const pageSize = 50;

/**
 * 证书登记: the certificates issued in the caller's subtree, filtered by the server and paged
 * by serial; revoke (with a reason), export what is shown, see how often each was verified.
 */
export function CertificateRegisterPage() {
  const { t } = useT();
  const { access, grant } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const filters = parseRegisterFilters(params);
  const query = registerQuery(filters);
  const [revoking, setRevoking] = useState<CertificateRegisterItem | null>(null);
  const go = (next: Partial<RegisterFilters>) => {
    void navigate(registerPath({ ...filters, ...next }));
  };
  const pages = useInfiniteQuery({
    queryKey: ['certificate-register', query],
    queryFn: ({ pageParam }) =>
      listCertificateRegister({ ...query, limit: pageSize, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const total = pages.data?.pages[0]?.total ?? 0;
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = registerColumns(t, {
    canRevoke: access.permissions.has('certificate:manage'),
    onRevoke: setRevoking,
  });

  return (
    <Card>
      <PageHeader
        title={t('certRegister.title')}
        extra={
          <DownloadButton
            icon={<FileExcelOutlined />}
            data-testid="export-certificates"
            fetchFile={() => exportCertificateRegister(query)}
          >
            {t('certRegister.export')}
          </DownloadButton>
        }
      />
      <Typography.Paragraph type="secondary">{t('certRegister.intro')}</Typography.Paragraph>
      <RegisterFilterBar filters={filters} withOrg={grant.orgKind !== 'unit'} onChange={go} />
      <CertificatePdfActions
        unitId={grant.orgKind === 'unit' ? grant.orgId : filters.unitId}
        // The year shown, else last year's (the one an audit has just certified).
        year={filters.year ?? new Date().getFullYear() - 1}
        canIssue={access.permissions.has('certificate:manage')}
      />
      {pages.data && (
        <Typography.Paragraph data-testid="register-summary">
          {t('certRegister.summary', { total })}
        </Typography.Paragraph>
      )}
      {pages.isError ? (
        <PageError error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <Table<CertificateRegisterItem>
          rowKey="serial"
          size="small"
          tableLayout="fixed"
          loading={pages.isFetching && !pages.isFetchingNextPage}
          pagination={false}
          dataSource={items}
          data-testid="register-table"
          scroll={{ x: 1040 }}
          columns={columns}
          locale={{ emptyText: <Empty description={t('certRegister.empty')} /> }}
        />
      )}
      <ListFooter
        count={items.length}
        total={total}
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
      <RevokeModal
        certificate={revoking}
        onClose={() => {
          setRevoking(null);
        }}
        onRevoked={() => {
          setRevoking(null);
          void queryClient.invalidateQueries({ queryKey: ['certificate-register'] });
        }}
      />
    </Card>
  );
}
