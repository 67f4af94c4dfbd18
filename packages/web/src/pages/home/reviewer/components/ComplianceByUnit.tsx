import { BarChart } from '../../../../components/charts';
import { useT } from '../../../../i18n/use-t';
import { DashboardPanel } from '../../components/DashboardPanel';

export interface UnitCompliance {
  unitId: string;
  unitName: string;
  /** compliant / staff, 0…1. */
  rate: number;
}

/**
 * SLOT — compliance rate per unit below the reviewer. Its data is to come from the
 * standings API that another change adds; until a caller passes `data`, this renders
 * nothing (never made-up numbers). A click on a bar answers the unit's id.
 */
export function ComplianceByUnit({
  data,
  onSelect,
}: {
  data?: readonly UnitCompliance[] | undefined;
  onSelect?: (unitId: string) => void;
}) {
  const { t } = useT();
  if (data === undefined) return null;
  const title = t('dashboard.reviewer.complianceTitle');
  return (
    <DashboardPanel title={title} testId="compliance-by-unit">
      <BarChart
        title={title}
        horizontal
        data={data.map((u) => ({
          key: u.unitId,
          label: u.unitName,
          value: Math.round(u.rate * 1000) / 10,
        }))}
        {...(onSelect ? { onSelect } : {})}
      />
    </DashboardPanel>
  );
}
