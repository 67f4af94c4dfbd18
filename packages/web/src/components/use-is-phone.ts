import { Grid } from 'antd';

/**
 * A phone held upright (narrower than antd's `md`, 768 px). Before the first measurement
 * the breakpoints are unknown and this says no, so wide screens never flash the phone layout.
 */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
