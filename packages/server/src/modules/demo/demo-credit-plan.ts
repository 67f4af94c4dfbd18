import type { CreditChannel } from '@jijiao/contracts';
import { createRandom } from './demo-people';

/** One demo credit to record: who, by which channel, what activity (scenario format). */
export interface DemoArrival {
  personId: string;
  channel: CreditChannel;
  activity: Record<string, unknown>;
}

/** A person of the demo and the share of their unit's staff that meets the year's requirement. */
export interface DemoStaff {
  id: string;
  compliantShare: number;
}

/** How busy each month is (January first): a quiet Spring Festival and summer, a busy autumn. */
const monthWeights = [0.7, 0.4, 1, 1, 1, 0.9, 0.6, 0.6, 1.1, 1.2, 1.2, 1];
/** The requirement of the 2024 measures (national-2024 `annualTotal`), which the curve aims at. */
const requirement = 25;
/** Planned ceilings under the yearly caps (organised practice 15, planned self-study 10). */
const organisedCeiling = 12;
const selfStudyCeiling = 9;

interface Project {
  number: string;
  level: 'national' | 'provincial' | 'municipal';
  day: number;
  hours: number;
  channel: CreditChannel;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The year's projects the demo's people attend, four a month: a national and a provincial
 * one whose hosts award credits, a municipal one recorded by card check-in, a provincial one
 * whose roster arrives as a spreadsheet. Serials from 100 keep clear of the demo's own projects.
 */
function projectsOf(year: number): Project[] {
  const kinds = [
    { level: 'national', mark: '国', day: 8, hours: [18, 24, 30], channel: 'host_award' },
    { level: 'provincial', mark: '省', day: 15, hours: [12, 18], channel: 'host_award' },
    { level: 'municipal', mark: '市', day: 20, hours: [6, 9], channel: 'card_check_in' },
    { level: 'provincial', mark: '省', day: 25, hours: [12], channel: 'spreadsheet_import' },
  ] as const;
  return Array.from({ length: 12 }, (_, m) =>
    kinds.map((kind, k) => ({
      number: `${year}-${pad(1 + ((m * 4 + k) % 12))}-${pad(1 + k)}-${100 + m * 4 + k}（${kind.mark}）`,
      level: kind.level,
      day: Date.UTC(year, m, kind.day),
      hours: kind.hours[m % kind.hours.length] ?? 12,
      channel: kind.channel,
    })),
  ).flat();
}

/**
 * A province's year of credits, as it looks by `until` (never later, never before 1 January):
 * in each unit about `compliantShare` of the staff reach the requirement before December,
 * the others fall short by varied amounts; every activity is dated on a curve through the
 * year and kept only if it happened by `until`, so March shows a quarter's credits and
 * December nearly the whole year. Every channel appears. Deterministic for a seed.
 */
export function planDemoYear(options: {
  year: number;
  until: Date;
  staff: readonly DemoStaff[];
  seed: number;
  platform: string;
}): DemoArrival[] {
  const { year, staff, platform } = options;
  const random = createRandom(options.seed);
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year, 11, 31);
  const until = Math.min(end, options.until.getTime());
  const projects = projectsOf(year);
  const int = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  // The year's days, each weighted by its month: a date is a draw on their running sum.
  const runningWeight: number[] = [];
  for (let t = start, sum = 0; t <= end; t += 86_400_000) {
    sum += monthWeights[new Date(t).getUTCMonth()] ?? 1;
    runningWeight.push(sum);
  }
  const weightBefore = (t: number) => runningWeight[Math.round((t - start) / 86_400_000) - 1] ?? 0;
  /** A day in [from, to] on the months' curve. */
  const dateIn = (from: number, to: number): number => {
    const low = weightBefore(from);
    const r = low + random() * (weightBefore(to + 86_400_000) - low);
    const i = runningWeight.findIndex((w) => w > r);
    return Math.min(to, Math.max(from, start + (i < 0 ? 0 : i) * 86_400_000));
  };

  const plan: DemoArrival[] = [];
  for (const person of staff) {
    const compliant = random() < person.compliantShare;
    // Who reaches the requirement does so by a day in autumn; the others spread over the year.
    const reachBy = compliant ? Date.UTC(year, 8, 1) + int(0, 85) * 86_400_000 : end;
    const target = compliant
      ? requirement + int(0, 12)
      : random() < 0.08
        ? 0
        : Math.round(requirement * (0.15 + random() * 0.8));
    const writes = random() < 0.4;
    const used = new Set<string>();
    const own: DemoArrival[] = [];
    const add = (channel: CreditChannel, activity: Record<string, unknown>) =>
      own.push({ personId: person.id, channel, activity });
    let total = 0;
    let organised = 0;
    let selfStudy = 0;
    if (compliant && random() < 0.05) {
      // Three months of further study: the whole year is satisfied (fullYear).
      add('spreadsheet_import', {
        type: 'further_study',
        date: day(dateIn(Date.UTC(year, 2, 1), reachBy)),
        months: 3,
      });
      total = requirement;
    }
    /** One more activity dated by `to`, by a channel picked at random, within the caps. */
    const addOne = (to: number) => {
      const pick = random() * 11;
      const channel: CreditChannel =
        pick < 3.5 ? 'host_award' : pick < 4.3 ? 'card_check_in' : 'spreadsheet_import';
      const open =
        pick < 5
          ? projects.filter((p) => p.channel === channel && p.day <= to && !used.has(p.number))
          : [];
      const chosen = open[Math.floor(random() * open.length)];
      if (chosen) {
        used.add(chosen.number);
        add(chosen.channel, {
          type: 'project',
          level: chosen.level,
          role: 'attendee',
          hours: chosen.hours,
          date: day(chosen.day),
          projectNumber: chosen.number,
        });
        total += Math.min(10, chosen.hours / 3);
      } else if (pick < 8 && organised < organisedCeiling) {
        const times = int(2, 8);
        const type = random() < 0.5 ? 'unit_lecture' : 'case_discussion';
        add('unit_bulk_entry', { type, date: day(dateIn(start, to)), role: 'participant', times });
        organised += times / 2;
        total += times / 2;
      } else if (pick < 9 && writes && selfStudy < selfStudyCeiling) {
        const authorRank = int(1, 3);
        const hours = 3 * int(1, 3);
        const paper = random() < 0.3;
        const credits = paper ? 6 - authorRank : hours / 3;
        add('self_report', {
          ...(paper
            ? { type: 'paper', journal: 'provincial', authorRank }
            : { type: 'self_study', hours }),
          date: day(dateIn(start, to)),
        });
        selfStudy += credits;
        total += credits;
      } else {
        const hours = 3 * int(2, 6);
        add('platform_push', {
          type: 'online_course',
          date: day(dateIn(start, to)),
          hours,
          platform,
        });
        total += hours / 3;
      }
    };
    for (let n = 0; n < 16 && total < target; n++) addOne(reachBy);
    // Some go on learning after they have enough, until the end of the year.
    for (let n = compliant ? int(0, 2) : 0; n > 0; n--) addOne(end);
    plan.push(...own.filter((a) => Date.parse(String(a.activity.date)) <= until));
  }
  return plan;
}
