/** A pack's years as text: 2025 起 / 至 2024 / 2006–2024 / 不限 (keys of rules.years*). */
export function yearsText(
  years: { from?: number | undefined; to?: number | undefined },
  t: (
    key: 'rules.yearsAll' | 'rules.yearsFrom' | 'rules.yearsTo' | 'rules.yearsRange',
    values?: Record<string, number>,
  ) => string,
): string {
  const { from, to } = years;
  if (from === undefined && to === undefined) return t('rules.yearsAll');
  if (from === undefined) return t('rules.yearsTo', { to: to ?? 0 });
  if (to === undefined) return t('rules.yearsFrom', { from });
  return t('rules.yearsRange', { from, to });
}
