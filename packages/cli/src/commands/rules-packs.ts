/** `jijiao rules packs`: the policy packs shipped, with their years and places. */
import type { Command } from 'commander';
import { defaultPolicyRegistry, type PolicyPack } from '@jijiao/domain';
import { formatTable } from './text-table';

function yearsOf(pack: PolicyPack): string {
  const { from, to } = pack.years;
  if (from === undefined && to === undefined) return 'all years';
  if (from === undefined) return `≤ ${to ?? ''}`;
  if (to === undefined) return `≥ ${from}`;
  return `${from}–${to}`;
}

export function registerRulesPacks(rules: Command): void {
  rules
    .command('packs')
    .description('list the policy packs with their years and places')
    .option('--json', 'print JSON instead of a table')
    .action((options: { json?: boolean }) => {
      const packs = defaultPolicyRegistry.packs.map((pack) => ({
        id: pack.id,
        version: pack.version,
        level: pack.level,
        code: 'code' in pack ? pack.code : null,
        years: pack.years,
        title: pack.title,
        sources: pack.sources.map((s) => s.document),
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(packs, null, 2)}\n`);
        return;
      }
      const rows = defaultPolicyRegistry.packs.map((pack) => [
        pack.id,
        pack.version,
        pack.level,
        'code' in pack ? pack.code : '—',
        yearsOf(pack),
        pack.title,
      ]);
      const header = ['id', 'version', 'level', 'place', 'years', 'title'];
      process.stdout.write(formatTable([header, ...rows]));
    });
}
