import { Button, Dropdown, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import type { Person, Profession, TitleGrade } from '@jijiao/contracts';
import type { Translate } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';
import type { PeopleFilters } from '../people-filters';
import { RevealableId } from './RevealableId';

// The table shows the URL's sort, so Back and a shared link show the same order.
const toSortOrder = (
  filters: PeopleFilters,
  key: PeopleFilters['sort'],
): 'ascend' | 'descend' | null =>
  filters.sort === key ? (filters.order === 'asc' ? 'ascend' : 'descend') : null;

/** The staff table's columns; the row actions follow the caller's permissions. */
export function peopleColumns({
  t,
  filters,
  canManage,
  canReveal,
  onEdit,
  onHistory,
  onTransfer,
  onResetPassword,
}: {
  t: Translate;
  filters: PeopleFilters;
  canManage: boolean;
  canReveal: boolean;
  onEdit: (person: Person) => void;
  onHistory: (person: Person) => void;
  onTransfer: (person: Person) => void;
  onResetPassword: (person: Person) => void;
}): TableColumnsType<Person> {
  return [
    {
      title: t('people.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: toSortOrder(filters, 'name'),
      sortDirections: ['ascend', 'descend'],
      fixed: 'left',
    },
    {
      title: t('people.idNumber'),
      key: 'idNumber',
      render: (_v: unknown, person) => <RevealableId person={person} canReveal={canReveal} />,
    },
    {
      title: t('people.sex'),
      dataIndex: 'sex',
      render: (value: Person['sex']) => t(`sex.${value}`),
    },
    { title: t('people.birthDate'), dataIndex: 'birthDate' },
    {
      // Masked by the server in every list (138****5678).
      title: t('people.phone'),
      dataIndex: 'phone',
      render: (value: Person['phone']) => value ?? '—',
    },
    {
      title: t('people.profession'),
      dataIndex: 'profession',
      render: (value: Profession, person) => (
        <>
          {t(`profession.${value}`)}
          {person.tcm && (
            <Tag style={{ marginInlineStart: 6 }} color="green">
              {t('people.tcm')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('people.titleGrade'),
      dataIndex: 'titleGrade',
      render: (value: TitleGrade) => t(`titleGrade.${value}`),
    },
    { title: t('people.unit'), dataIndex: 'unitName' },
    {
      title: t('people.username'),
      dataIndex: 'username',
      render: (value: string | null) =>
        value ?? <Typography.Text type="secondary">{t('people.noAccount')}</Typography.Text>,
    },
    {
      title: t('people.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: toSortOrder(filters, 'createdAt'),
      sortDirections: ['descend', 'ascend'],
      render: (value: string) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v: unknown, person) => (
        <Space size={0} wrap>
          {canManage && (
            <Button
              type="link"
              size="small"
              onClick={() => {
                onEdit(person);
              }}
            >
              {t('common.edit')}
            </Button>
          )}
          <Button
            type="link"
            size="small"
            onClick={() => {
              onHistory(person);
            }}
          >
            {t('people.history')}
          </Button>
          {canManage && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'reset-password', label: t('people.resetPassword') },
                  { key: 'transfer', label: t('people.transfer') },
                ],
                onClick: ({ key }) => {
                  if (key === 'transfer') {
                    onTransfer(person);
                    return;
                  }
                  onResetPassword(person);
                },
              }}
            >
              <Button type="link" size="small">
                {t('people.more')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
      ),
    },
  ];
}
