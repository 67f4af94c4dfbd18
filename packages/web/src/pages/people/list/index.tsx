import type { ReactNode } from 'react';
import { Card, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { PeopleList } from './components/PeopleList';
import { TransferList } from './components/TransferList';
import {
  parsePeopleFilters,
  peoplePath,
  type PeopleFilters,
  type PeopleTab,
} from './people-filters';
import { PageHeader } from '../../../components/PageHeader';

/** 人员管理: the staff in the caller's scope, with import/export and transfers. */
export function PeopleListPage() {
  const { t } = useT();
  const { access } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const filters = parsePeopleFilters(searchParams);
  const canManage = access.permissions.has('person:manage');
  const go = (next: Partial<PeopleFilters>) => {
    void navigate(peoplePath({ ...filters, ...next }));
  };

  const tabs: { key: PeopleTab; label: string; children: ReactNode }[] = [
    {
      key: 'list',
      label: t('people.tab.list'),
      children: <PeopleList filters={filters} go={go} />,
    },
    ...(canManage
      ? [
          {
            key: 'incoming' as const,
            label: t('people.tab.incoming'),
            children: <TransferList direction="incoming" canManage={canManage} />,
          },
          {
            key: 'outgoing' as const,
            label: t('people.tab.outgoing'),
            children: <TransferList direction="outgoing" canManage={canManage} />,
          },
        ]
      : []),
  ];

  return (
    <Card>
      <PageHeader title={t('people.title')} />
      {tabs.length > 1 ? (
        <Tabs
          activeKey={filters.tab}
          onChange={(key) => {
            go({ tab: key as PeopleTab });
          }}
          items={tabs}
          destroyOnHidden
        />
      ) : (
        tabs[0]?.children
      )}
    </Card>
  );
}
