import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { StaffProgress, UnitProgress } from '@jijiao/contracts';
import { useT } from '../../../../i18n/use-t';
import { professionLabel, titleGradeLabel } from '../../../../i18n/vocabulary-label';

/** Staff behind this year, largest shortfall first (the first page of the progress list). */
export function BehindStaff({ progress, back }: { progress: UnitProgress; back: string }) {
  const { t } = useT();
  const columns: TableColumnsType<StaffProgress> = [
    {
      title: t('progress.name'),
      key: 'name',
      width: 110,
      render: (_, s) => (
        <Link
          to={`/progress/people/${s.personId}?year=${String(progress.year)}`}
          state={{ back }}
          title={t('progress.openYear')}
        >
          {s.name}
        </Link>
      ),
    },
    {
      title: t('progress.professionTitle'),
      key: 'professionTitle',
      ellipsis: true,
      render: (_, s) => (
        <>
          {professionLabel(t, s.profession)}
          <Typography.Text type="secondary"> · {titleGradeLabel(t, s.titleGrade)}</Typography.Text>
        </>
      ),
    },
    {
      title: t('progress.total'),
      key: 'total',
      width: 100,
      align: 'right',
      render: (_, s) => `${String(s.totalCredits)} / ${String(s.required)}`,
    },
    {
      title: t('progress.shortfall'),
      dataIndex: 'shortfall',
      width: 70,
      align: 'right',
      render: (v: number) => <Typography.Text type="danger">{v}</Typography.Text>,
    },
    {
      title: t('progress.pending'),
      key: 'pending',
      width: 120,
      render: (_, s) =>
        s.pendingCount === 0
          ? '—'
          : t('progress.pendingDetail', { count: s.pendingCount, credits: s.pendingCredits }),
    },
  ];
  return (
    <Table<StaffProgress>
      rowKey="personId"
      size="small"
      columns={columns}
      dataSource={progress.items}
      pagination={false}
      locale={{ emptyText: t('dashboard.unit.nobodyBehind') }}
      data-testid="behind-staff"
    />
  );
}
