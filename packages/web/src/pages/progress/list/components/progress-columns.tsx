import { Space, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { StaffProgress } from '@jijiao/contracts';
import { requirementLabel } from '../../../../components/year/credit-tags';
import type { Translate } from '../../../../i18n/use-t';
import { professionLabel, titleGradeLabel } from '../../../../i18n/vocabulary-label';
import type { ProgressBackState } from '../progress-filters';

/**
 * The columns of 人员学分进度, sized for a 1366-pixel screen: the name stays in view, the
 * unit is cut short with an ellipsis, the masked ID number shows on wide screens only.
 */
export function progressColumns(
  t: Translate,
  personPath: (s: StaffProgress) => string,
  back: ProgressBackState,
): TableColumnsType<StaffProgress> {
  return [
    {
      title: t('progress.name'),
      key: 'name',
      fixed: 'left',
      width: 96,
      render: (_, s) => (
        <Link to={personPath(s)} state={back} title={t('progress.openYear')}>
          {s.name}
        </Link>
      ),
    },
    {
      title: t('progress.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 170,
      responsive: ['xxl'],
    },
    {
      title: t('progress.professionTitle'),
      key: 'professionTitle',
      width: 120,
      ellipsis: true,
      render: (_, s) => (
        <>
          {professionLabel(t, s.profession)}
          <Typography.Text type="secondary"> · {titleGradeLabel(t, s.titleGrade)}</Typography.Text>
        </>
      ),
    },
    {
      title: t('progress.unitName'),
      dataIndex: 'unitName',
      ellipsis: { showTitle: true },
    },
    {
      title: t('progress.total'),
      key: 'total',
      width: 96,
      align: 'right',
      render: (_, s) => `${String(s.totalCredits)} / ${String(s.required)}`,
    },
    {
      title: t('progress.shortfall'),
      dataIndex: 'shortfall',
      width: 64,
      align: 'right',
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      title: t('progress.unmet'),
      key: 'unmet',
      width: 180,
      render: (_, s) => (
        <Space size={4} wrap>
          {s.requirements
            .filter((r) => !r.met)
            .map((r) => (
              <Tag key={r.code} color="orange" style={{ marginInlineEnd: 0 }}>
                {requirementLabel(t, r.code)} −{r.shortfall}
              </Tag>
            ))}
        </Space>
      ),
    },
    {
      title: t('progress.pending'),
      key: 'pending',
      width: 128,
      render: (_, s) =>
        s.pendingCount === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <span data-testid="pending-detail">
            {t('progress.pendingDetail', { count: s.pendingCount, credits: s.pendingCredits })}
          </span>
        ),
    },
    {
      title: t('progress.compliant'),
      key: 'compliant',
      width: 108,
      render: (_, s) => (
        <Tag color={s.compliant ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
          {t(s.compliant ? 'progress.compliance.compliant' : 'progress.compliance.behind')}
        </Tag>
      ),
    },
  ];
}
