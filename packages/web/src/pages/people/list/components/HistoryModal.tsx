import { Modal, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Person } from '@jijiao/contracts';
import { fetchPersonHistory } from '../../../../api';
import { PageError } from '../../../../components/PageState';
import { useT } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';

/** The units a person has worked at, newest last. */
export function HistoryModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useT();
  const history = useQuery({
    queryKey: ['people', 'history', person?.id ?? null],
    queryFn: () => fetchPersonHistory(person?.id ?? ''),
    enabled: person !== null,
  });
  return (
    <Modal
      open={person !== null}
      title={person ? t('people.historyTitle', { name: person.name }) : ''}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
    >
      {history.isError ? (
        <PageError error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <Table
          rowKey={(row) => `${row.unitId}@${row.from}`}
          size="small"
          loading={history.isPending}
          pagination={false}
          dataSource={history.data?.items ?? []}
          locale={{ emptyText: t('people.historyEmpty') }}
          columns={[
            { title: t('people.unit'), dataIndex: 'unitName' },
            {
              title: t('people.historyFrom'),
              dataIndex: 'from',
              width: 160,
              render: (value: string) => formatDateTime(value),
            },
            {
              title: t('people.historyTo'),
              dataIndex: 'to',
              width: 160,
              render: (value: string | null) =>
                value === null ? t('people.historyCurrent') : formatDateTime(value),
            },
          ]}
        />
      )}
    </Modal>
  );
}
