// The generated province's organisations and filed projects (see province-generator.ts).
// The order of the random draws is part of the output: a change here changes every row.
import { creditCodeCheckChar, placeOfUnit, type UnitPlace } from '@jijiao/domain';
import { copyLine, type BulkClient, type CopyValue } from '../../platform/db/copy-into';

export type Random = () => number;

export const pad = (n: number | string, width: number): string => String(n).padStart(width, '0');

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function weighted<T extends readonly [string, number, ...unknown[]]>(
  random: Random,
  items: readonly T[],
): T {
  const total = items.reduce((s, item) => s + item[1], 0);
  let r = random() * total;
  for (const item of items) {
    r -= item[1];
    if (r < 0) return item;
  }
  const last = items.at(-1);
  if (last === undefined) throw new Error('weighted pick from an empty list');
  return last;
}

/** Deterministic, distinct UUID-shaped ids: a kind tag, the seed, a counter. */
export function idMaker(seed: number): (kind: string, n: number) => string {
  const seedHex = pad((seed >>> 0).toString(16), 8).slice(-4);
  return (kind, n) => `${kind}-${seedHex}-4000-8000-${pad(n.toString(16), 12)}`;
}

/** The id tag of generated organisations: `0a000000-…` (the demo's own ids are random). */
export const generatedOrgTag = '0a000000';

const cityNames = Array.from('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉');
const unitTypeWeights = [
  ['hospital', 22, 5],
  ['tcm_hospital', 6, 3],
  ['community_health_centre', 18, 1],
  ['township_health_centre', 36, 0.6],
  ['maternal_child_health', 6, 1.5],
  ['cdc', 6, 1],
  ['clinic', 6, 0.3],
] as const;

interface Parent {
  id: string;
  path: string;
  kind: string;
  regionCode: string;
  cityId?: string;
}

export interface GeneratedUnit extends Parent {
  weight: number;
  place: UnitPlace;
  /** The body a pending claim waits at after the unit's own step. */
  reviewerId: string;
}

export interface GeneratedProject {
  id: string;
  number: string;
  level: 'national' | 'provincial';
  hours: number;
  startDate: string;
}

interface TreeContext {
  client: BulkClient;
  random: Random;
  newId: (kind: string, n: number) => string;
  province: { id: string; path: string };
  now: string;
}

/** Cities, districts and units (the provincial hospitals under the province), copied in. */
export async function generateOrgs(
  ctx: TreeContext,
  peopleCount: number,
): Promise<{ orgs: number; cities: number; districts: number; units: GeneratedUnit[] }> {
  const { random, newId, province, now } = ctx;
  const orgs: CopyValue[][] = [];
  let orgN = 0;
  let creditSerial = 500_000;
  const addOrg = (parent: Parent, kind: string, name: string, regionCode: string) => {
    const id = newId(generatedOrgTag, ++orgN);
    const path = `${parent.path}${id}/`;
    const first17 = `12${regionCode}MB${pad(++creditSerial, 7)}`;
    const creditCode = first17 + creditCodeCheckChar(first17);
    const row: CopyValue[] = [id, parent.id, kind, null, name, regionCode, creditCode];
    row.push(path, pathDepth(path), now);
    orgs.push(row);
    return { row, org: { id, path, kind, regionCode } };
  };
  const provinceParent: Parent = { ...province, kind: 'province', regionCode: '990000' };
  const cityCount = Math.min(14, Math.max(2, Math.ceil(peopleCount / 36_000)));
  const unitCount = Math.max(20, Math.round(peopleCount / 110));
  const cities: Parent[] = [];
  const districts: Parent[] = [];
  for (let c = 0; c < cityCount; c++) {
    const code = `99${pad(3 + c, 2)}00`;
    const cityName = cityNames[c] ?? '';
    const city = addOrg(provinceParent, 'city', `${cityName}州市卫生健康委员会`, code).org;
    cities.push(city);
    const districtCount = 4 + Math.floor(random() * 8);
    for (let d = 1; d <= districtCount; d++) {
      const name = `${cityName}州市第${String(d)}区卫生健康局`;
      const district = addOrg(city, 'district', name, `${code.slice(0, 4)}${pad(d, 2)}`).org;
      districts.push({ ...district, cityId: city.id });
    }
  }
  // Staff sizes: Pareto-distributed (a few big hospitals, many small centres).
  const units: GeneratedUnit[] = [];
  for (let u = 0; u < unitCount; u++) {
    const level = u < 5 ? 'province' : random() < 0.06 ? 'city' : 'district';
    const [type, , typeFactor] = weighted(random, unitTypeWeights);
    const parent =
      level === 'province'
        ? provinceParent
        : level === 'city'
          ? pick(random, cities)
          : pick(random, districts);
    const unitType =
      level === 'district' ? type : type === 'township_health_centre' ? 'hospital' : type;
    const name = `第${String(u + 1)}号${unitType === 'hospital' ? '医院' : '卫生机构'}`;
    const { row, org } = addOrg(parent, 'unit', name, parent.regionCode);
    row[3] = unitType;
    const pareto = Math.min(300, (1 - random()) ** (-1 / 1.16));
    units.push({
      ...org,
      weight: pareto * typeFactor * (level === 'district' ? 1 : 4),
      place: placeOfUnit({ kind: 'unit', regionCode: parent.regionCode, unitType }, [
        { kind: parent.kind, unitType: null, regionCode: parent.regionCode },
      ]),
      // Self-reports go to the unit first, then to the city's (or the province's) reviewers.
      reviewerId: level === 'province' ? province.id : (parent.cityId ?? parent.id),
    });
  }
  await ctx.client.copyInto('orgs', orgColumns, orgs.map(copyLine).join(''));
  return { orgs: orgs.length, cities: cities.length, districts: districts.length, units };
}

const pathDepth = (path: string) => path.split('/').filter(Boolean).length - 1;

const orgColumns = [
  'id',
  'parent_id',
  'kind',
  'unit_type',
  'name',
  'region_code',
  'credit_code',
  'path',
  'depth',
  'created_at',
];

/**
 * The filed projects of each year, hosted by the province's hosts, copied in. With
 * `asOfDay`, a project starting after it is filed, not yet finished.
 */
export async function generateProjects(
  ctx: TreeContext & { hostIds: readonly string[]; asOfDay: string | undefined },
  peopleCount: number,
  firstYear: number,
  lastYear: number,
): Promise<{ count: number; byYear: Map<number, GeneratedProject[]> }> {
  const { random, newId, now, asOfDay } = ctx;
  const byYear = new Map<number, GeneratedProject[]>();
  const lines: string[] = [];
  let projectN = 0;
  for (let year = firstYear; year <= lastYear; year++) {
    const list: GeneratedProject[] = [];
    const count = Math.max(20, Math.round(peopleCount / 200));
    for (let k = 0; k < count; k++) {
      const national = random() < 0.35;
      const mark = national ? '国' : '省';
      const number = `${String(year)}-${pad(1 + (k % 20), 2)}-${pad(1 + (Math.floor(k / 20) % 10), 2)}-${String(1 + Math.floor(k / 200))}（${mark}）`;
      const hours = pick(random, [6, 12, 18, 24, 30]);
      const month = 1 + Math.floor(random() * 11);
      const startDate = `${String(year)}-${pad(month, 2)}-${pad(1 + Math.floor(random() * 25), 2)}`;
      const project: GeneratedProject = {
        id: newId('0b000000', ++projectN),
        number,
        level: national ? 'national' : 'provincial',
        hours,
        startDate,
      };
      list.push(project);
      const attendee = Math.min(10, national ? hours / 3 : hours / 6);
      const finished = asOfDay === undefined || startDate <= asOfDay;
      lines.push(
        copyLine([
          project.id,
          number,
          `第${String(projectN)}期继续医学教育项目`,
          project.level,
          year,
          `${number.slice(5, 7)}-${number.slice(8, 10)}`,
          pick(random, ctx.hostIds),
          startDate,
          startDate,
          '演示省会议中心',
          hours,
          attendee.toFixed(1),
          Math.min(10, hours).toFixed(1),
          finished ? 'finished' : 'filed',
          now,
          finished ? now : null,
          now,
          now,
        ]),
      );
    }
    byYear.set(year, list);
  }
  await ctx.client.copyInto('projects', projectColumns, lines.join(''));
  return { count: lines.length, byYear };
}

const projectColumns = [
  'id',
  'number',
  'name',
  'level',
  'year',
  'discipline',
  'host_id',
  'start_date',
  'end_date',
  'place',
  'hours',
  'attendee_credits',
  'speaker_credits',
  'status',
  'filed_at',
  'finished_at',
  'created_at',
  'updated_at',
];
