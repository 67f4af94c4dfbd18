// A realistic generated province on top of the seeded demo province 演示省 (990000):
// cities, districts and units with skewed staff sizes, people with valid resident ID
// numbers (GB 11643 check digit, encrypted and hashed with the server's own cipher), filed
// projects, and for each person and year a mix of credits from every channel, valued by
// the rules engine (`valueClaim`, as the intake stores them), some people short of the
// requirement. Deterministic for a seed (ids, names and values; the AES-GCM nonces of the
// encrypted ID numbers are random, as in the server). Rows go in with COPY. The benchmarks
// (`bench/`) and `jijiao seed-demo --people N` both generate through this file.
import { maskResidentId, residentIdCheckChar } from '@jijiao/domain';
import type { IdNumberCipher } from '../../platform/crypto/id-number-cipher';
import { copyLine, type BulkClient } from '../../platform/db/copy-into';
import { createRandom } from './demo-people';
import {
  generateOrgs,
  generateProjects,
  idMaker,
  pad,
  pick,
  weighted,
  type GeneratedProject,
  type GeneratedUnit,
} from './province-tree';
import { claimColumns, personColumns, provenanceColumns } from './province-columns';
import { claimValuer, otherActivity, type GeneratedActivity } from './province-activities';
import { birthRegions, givenChars, surnames } from './province-names';

export interface ProvinceOptions {
  people: number;
  years?: number;
  seed?: number;
  /** The last year with credits (default 2025, the benchmarks' year). */
  endYear?: number;
  /** Self-reports per person waiting in the next year (fractions are a probability). */
  pendingPerPerson?: number;
  /** How many people of the biggest unit to return (the import benchmark's rows). */
  importRows?: number;
  /**
   * The day (YYYY-MM-DD) the province stands at: credits dated later are left out, and
   * projects starting later are filed, not finished. Default none (whole years).
   */
  asOfDay?: string;
  /** created_at of the rows (default 1 June after the end year). */
  now?: Date;
  cipher: IdNumberCipher;
  log?: (line: string) => void;
}

export interface GeneratedProvince {
  orgs: number;
  units: number;
  projects: number;
  people: number;
  shortInLastYear: number;
  claims: number;
  pendingClaims: number;
  seconds: number;
  claimsPerSecond: number;
  biggestUnitId: string;
  /** A person with a full last year (the learner's year workload signs in as them). */
  learnerId: string | null;
  /** ID numbers and names of people of the biggest unit (the import workload's rows). */
  importSample: { idNumber: string; name: string }[];
}

/** The id tag of generated people: `0e000000-…`. */
export const generatedPersonTag = '0e000000';

/** Picks a unit with probability proportional to its weight (staff size). */
function unitPicker(units: readonly GeneratedUnit[]): (r: number) => GeneratedUnit {
  const cumulative: number[] = [];
  let totalWeight = 0;
  for (const u of units) cumulative.push((totalWeight += u.weight));
  return (r) => {
    const target = r * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    const unit = units[lo];
    if (!unit) throw new Error('no units');
    return unit;
  };
}

/**
 * Generates the province into a database that holds the seeded demo province (not in a
 * transaction of its own: the caller decides). Returns counts and seconds.
 */
export async function generateProvince(
  client: BulkClient,
  options: ProvinceOptions,
): Promise<GeneratedProvince> {
  const { people: peopleCount, years = 1, seed = 1, endYear = 2025 } = options;
  const { pendingPerPerson = 0, cipher, asOfDay } = options;
  const log = options.log ?? (() => undefined);
  const random = createRandom(seed);
  const newId = idMaker(seed);
  const started = performance.now();
  const now = (options.now ?? new Date(`${String(endYear + 1)}-06-01T00:00:00Z`)).toISOString();

  const { rows: provinces } = await client.query(
    `select id, path from orgs where kind = 'province' and region_code = '990000'`,
  );
  const found = provinces[0];
  if (!found) throw new Error('seed the demo province first');
  const province = { id: String(found.id), path: String(found.path) };
  const { rows: hosts } = await client.query(
    `select id from orgs where kind = 'host' and path like $1 order by name`,
    [`${province.path}%`],
  );
  const ctx = { client, random, newId, province, now };
  const tree = await generateOrgs(ctx, peopleCount);
  const { units } = tree;
  log(
    `  ${String(tree.orgs)} orgs (${String(tree.cities)} cities, ${String(tree.districts)} districts, ${String(units.length)} units)`,
  );
  const firstYear = endYear - years + 1;
  const projects = await generateProjects(
    { ...ctx, hostIds: hosts.map((h) => String(h.id)), asOfDay },
    peopleCount,
    firstYear,
    endYear + (pendingPerPerson > 0 ? 1 : 0),
  );
  log(`  ${String(projects.count)} projects`);

  const biggestUnit = units.reduce((a, b) => (b.weight > a.weight ? b : a));
  const unitAt = unitPicker(units);
  const importSample: { idNumber: string; name: string }[] = [];
  let learnerId: string | null = null;
  const valueOf = claimValuer();

  let claimN = 0;
  let personN = 0;
  let claimCount = 0;
  let pendingCount = 0;
  let shortCount = 0;
  let peopleLines: string[] = [];
  let historyLines: string[] = [];
  let claimLines: string[] = [];
  let provenanceLines: string[] = [];
  // Writing overlaps generating: the previous batch is in PostgreSQL's hands while this
  // one is built (at most one batch in flight).
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = [peopleLines, historyLines, claimLines, provenanceLines].map((l) => l.join(''));
    peopleLines = [];
    historyLines = [];
    claimLines = [];
    provenanceLines = [];
    await inFlight;
    inFlight = (async () => {
      await client.copyInto('people', personColumns, batch[0] ?? '');
      await client.copyInto(
        'person_unit_history',
        ['id', 'person_id', 'unit_id', 'from_at'],
        batch[1] ?? '',
      );
      await client.copyInto('credit_claims', claimColumns, batch[2] ?? '');
      await client.copyInto('credit_provenances', provenanceColumns, batch[3] ?? '');
    })();
    // A failure surfaces at the next await; keep it from being reported as unhandled first.
    inFlight.catch(() => undefined);
  };
  const seen = new Set<string>();
  const addClaim = (
    personId: string,
    unit: GeneratedUnit,
    channel: string,
    activity: GeneratedActivity,
    status: 'effective' | 'submitted',
    project: GeneratedProject | null = null,
  ) => {
    // Not yet happened on the day the province stands at (no random draw is skipped).
    if (asOfDay !== undefined && status === 'effective' && activity.date > asOfDay) return;
    const id = newId('0c000000', ++claimN);
    const v = valueOf(unit, activity);
    // The cached parse is the same activity but for its id, day and project number.
    const stored: Record<string, unknown> = { ...v.activity, id, date: activity.date };
    if (project) stored.projectNumber = project.number;
    // Pending: the unit approved, waiting at the next step (the city's reviewers).
    const pending = status === 'submitted';
    claimLines.push(
      copyLine([
        id,
        personId,
        unit.id,
        channel,
        JSON.stringify(stored),
        activity.type,
        activity.date,
        v.year,
        project?.id ?? null,
        project?.number ?? null,
        activity.role ?? null,
        v.credits,
        v.class,
        v.packs,
        v.reasons,
        status,
        pending ? `["${unit.id}","${unit.reviewerId}"]` : '[]',
        pending ? 1 : 0,
        pending ? unit.reviewerId : null,
        pending
          ? `${activity.date}T${pad(claimN % 24, 2)}:${pad((claimN >> 5) % 60, 2)}:${pad((claimN >> 11) % 60, 2)}Z`
          : null,
        pending ? null : `${activity.date}T18:00:00Z`,
        now,
        now,
      ]),
    );
    provenanceLines.push(
      copyLine([
        newId('0d000000', claimN),
        id,
        v.year,
        channel,
        `bench#${String(claimN)}`,
        `${activity.date}T18:00:00Z`,
      ]),
    );
    claimCount++;
  };
  const dateIn = (year: number) =>
    `${String(year)}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;

  for (let i = 0; i < peopleCount; i++) {
    const unit = unitAt(random());
    let idNumber: string;
    let birthYear: number;
    let birth: string;
    do {
      birthYear = 1962 + Math.floor(random() * 40);
      birth = `${String(birthYear)}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
      const first17 = `${pick(random, birthRegions)}${birth.replaceAll('-', '')}${pad(Math.floor(random() * 1000), 3)}`;
      idNumber = first17 + residentIdCheckChar(first17);
    } while (seen.has(idNumber));
    seen.add(idNumber);
    const personId = newId(generatedPersonTag, ++personN);
    const profession = weighted(random, [
      ['physician', 45],
      ['nurse', 35],
      ['pharmacist', 8],
      ['technician', 10],
      ['other', 2],
    ] as const)[0];
    const age = endYear - birthYear;
    const grade = weighted(random, [
      ['junior', age < 32 ? 8 : 3],
      ['intermediate', 4],
      ['associate_senior', age > 38 ? 3 : 0.5],
      ['senior', age > 45 ? 2 : 0.1],
    ] as const)[0];
    const name =
      pick(random, surnames) +
      pick(random, givenChars) +
      (random() < 0.7 ? pick(random, givenChars) : '');
    peopleLines.push(
      copyLine([
        personId,
        name,
        cipher.encrypt(idNumber),
        cipher.lookupHash(idNumber),
        maskResidentId(idNumber),
        Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
        birth,
        `13${pad(Math.floor(random() * 1e9), 9)}`,
        profession,
        grade,
        profession !== 'nurse' && random() < 0.08,
        unit.id,
        now,
        now,
      ]),
    );
    historyLines.push(copyLine([newId('0f000000', personN), personId, unit.id, now]));

    if (unit === biggestUnit && importSample.length < (options.importRows ?? 0))
      importSample.push({ idNumber, name });
    for (let year = firstYear; year <= endYear; year++) {
      // About one in eight falls short: a handful of small records only.
      const short = random() < 0.12;
      if (short && year === endYear) shortCount++;
      if (!short && year === endYear && learnerId === null) learnerId = personId;
      const records = short ? 2 + Math.floor(random() * 4) : 9 + Math.floor(random() * 9);
      const yearProjects = projects.byYear.get(year) ?? [];
      let lastProject = -1;
      for (let k = 0; k < records; k++) {
        const r = random();
        if (!short && k < 2 && r < 0.9) {
          // Two different projects (the same one twice would be one claim at intake).
          let p = Math.floor(random() * yearProjects.length);
          if (p === lastProject) p = (p + 1) % yearProjects.length;
          lastProject = p;
          const project = yearProjects[p];
          if (!project) throw new Error(`no projects of ${String(year)}`);
          addClaim(
            personId,
            unit,
            random() < 0.3 ? 'card_check_in' : 'host_award',
            {
              type: 'project',
              date: project.startDate,
              level: project.level,
              role: random() < 0.05 ? 'speaker' : 'attendee',
              hours: project.hours,
              projectNumber: project.number,
            },
            'effective',
            project,
          );
        } else {
          const [channel, activity] = otherActivity(random, r, dateIn(year));
          addClaim(personId, unit, channel, activity, 'effective');
        }
      }
    }
    // This year's self-reports waiting at the unit (the reviewer queue).
    const pendingHere = Math.floor(pendingPerPerson) + (random() < pendingPerPerson % 1 ? 1 : 0);
    for (let k = 0; k < pendingHere; k++) {
      const date = `${String(endYear + 1)}-${pad(1 + Math.floor(random() * 5), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
      const hours = pick(random, [3, 6, 9]);
      addClaim(personId, unit, 'self_report', { type: 'self_study', date, hours }, 'submitted');
      pendingCount++;
    }
    if (claimLines.length >= 50_000) {
      await flush();
      log(
        `  ${String(personN)} people, ${String(claimCount)} claims, ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  }
  await flush();
  await inFlight;
  await client.query('analyze');
  const seconds = (performance.now() - started) / 1000;
  return {
    orgs: tree.orgs,
    units: units.length,
    projects: projects.count,
    people: peopleCount,
    shortInLastYear: shortCount,
    claims: claimCount,
    pendingClaims: pendingCount,
    seconds,
    claimsPerSecond: Math.round(claimCount / seconds),
    biggestUnitId: biggestUnit.id,
    learnerId,
    importSample,
  };
}
