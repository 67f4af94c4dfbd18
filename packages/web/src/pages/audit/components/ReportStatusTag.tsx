import { Tag } from 'antd';
import type { UnitReportStatus } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';

const colors: Record<UnitReportStatus, string> = {
  pending: 'default',
  confirmed: 'blue',
  reported: 'processing',
  returned: 'warning',
  approved: 'success',
  filed: 'green',
};

export function ReportStatusTag({ status, late }: { status: UnitReportStatus; late?: boolean }) {
  const { t } = useT();
  return (
    <>
      <Tag color={colors[status]}>{t(`audit.reportStatus.${status}`)}</Tag>
      {late === true && <Tag color="error">{t('audit.late')}</Tag>}
    </>
  );
}
