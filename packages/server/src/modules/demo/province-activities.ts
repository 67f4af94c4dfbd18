// The generated province's credits: the mix of activities and their values from the rules
// engine (see province-generator.ts). The order of the random draws is part of the output.
import { defaultPolicyRegistry, valueClaim } from '@jijiao/domain';
import { pick, type GeneratedUnit } from './province-tree';

export interface GeneratedActivity {
  type: string;
  date: string;
  level?: string;
  role?: string;
  hours?: number;
  times?: number;
  months?: number;
  journal?: string;
  authorRank?: number;
  platform?: string;
  projectNumber?: string;
}

/** A record other than a project, by the draw `r` (the mix of channels). */
export function otherActivity(
  random: () => number,
  r: number,
  date: string,
): [channel: string, activity: GeneratedActivity] {
  if (r < 0.45)
    return [
      'platform_push',
      {
        type: 'online_course',
        date,
        hours: pick(random, [3, 6, 9, 12]),
        platform: '演示学习平台',
      },
    ];
  if (r < 0.7)
    return [
      'unit_bulk_entry',
      {
        type: 'unit_lecture',
        date,
        role: random() < 0.1 ? 'speaker' : 'participant',
        times: 1 + Math.floor(random() * 6),
      },
    ];
  if (r < 0.88)
    return [
      'unit_bulk_entry',
      {
        type: 'case_discussion',
        date,
        role: random() < 0.1 ? 'speaker' : 'participant',
        times: 1 + Math.floor(random() * 4),
      },
    ];
  if (r < 0.95)
    return ['self_report', { type: 'self_study', date, hours: pick(random, [3, 6, 9]) }];
  if (r < 0.99)
    return [
      'self_report',
      {
        type: 'paper',
        date,
        journal: pick(random, ['core', 'provincial', 'foreign']),
        authorRank: 1 + Math.floor(random() * 3),
      },
    ];
  return [
    'spreadsheet_import',
    { type: 'further_study', date, months: 1 + Math.floor(random() * 6) },
  ];
}

interface CachedValue {
  year: number;
  credits: string;
  class: string | null;
  packs: string;
  reasons: string;
  activity: object;
}

/**
 * Values claims with the rules engine, cached by place and activity (without id and day):
 * the engine gives the same answer for the same activity at the same place in the same year.
 */
export function claimValuer(): (unit: GeneratedUnit, activity: GeneratedActivity) => CachedValue {
  const valuations = new Map<string, CachedValue>();
  return (unit, activity) => {
    const a = activity;
    const where = unit.place.place.district ?? unit.place.place.city ?? '';
    const key = `${where}|${a.type}|${a.date.slice(0, 4)}|${a.level ?? ''}|${a.role ?? ''}|${String(a.hours ?? '')}|${String(a.times ?? '')}|${String(a.months ?? '')}|${a.journal ?? ''}|${String(a.authorRank ?? '')}`;
    let v = valuations.get(key);
    if (!v) {
      const r = valueClaim(defaultPolicyRegistry, unit.place.place, 'x', activity);
      if (!r.ok) throw new Error(`${JSON.stringify(activity)}: ${r.field} ${r.message}`);
      v = {
        year: r.value.year,
        credits: r.value.credits.toFixed(1),
        class: r.value.class,
        packs: JSON.stringify(r.value.packs),
        reasons: JSON.stringify(r.value.reasons),
        activity: r.value.activity,
      };
      valuations.set(key, v);
    }
    return v;
  };
}
