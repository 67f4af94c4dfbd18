import type { TableColumnsType } from 'antd';
import type { AuditProgress, UnitReport } from '@jijiao/contracts';
import type { Translate } from '../../../../i18n/use-t';
import { ReportStatusTag } from '../../components/ReportStatusTag';

export type CityRow = AuditProgress['cities'][number];
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** The cities' progress: units reported, approved, pending and late; people and compliance. */
export function cityColumns(t: Translate): TableColumnsType<CityRow> {
  return [
    {
      title: t('audit.city'),
      dataIndex: 'cityName',
      render: (n: string | null) => n ?? t('audit.direct'),
    },
    { title: t('audit.units'), dataIndex: 'units', width: 90 },
    { title: t('audit.reported'), dataIndex: 'reported', width: 90 },
    { title: t('audit.approved'), dataIndex: 'approved', width: 90 },
    { title: t('audit.pendingUnits'), dataIndex: 'pending', width: 90 },
    { title: t('audit.late'), dataIndex: 'late', width: 80 },
    { title: t('audit.people'), dataIndex: 'people', width: 90 },
    {
      title: t('audit.rate'),
      key: 'rate',
      width: 110,
      render: (_v: unknown, c) => (c.people === 0 ? '—' : percent(c.compliant / c.people)),
    },
  ];
}

/** Each unit's report: its status and its compliance. */
export function unitColumns(t: Translate): TableColumnsType<UnitReport> {
  return [
    { title: t('audit.unit'), dataIndex: 'unitName' },
    {
      title: t('audit.city'),
      dataIndex: 'cityName',
      render: (n: string | null) => n ?? t('audit.direct'),
    },
    {
      title: t('audit.reportStatusLabel'),
      key: 'status',
      width: 180,
      render: (_v: unknown, u) => <ReportStatusTag status={u.status} late={u.late} />,
    },
    { title: t('audit.people'), dataIndex: 'people', width: 90 },
    { title: t('audit.compliant'), dataIndex: 'compliant', width: 100 },
    { title: t('audit.rate'), dataIndex: 'rate', width: 100, render: (v: number) => percent(v) },
  ];
}
