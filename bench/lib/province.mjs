// A realistic generated province on top of the seeded demo province 演示省 (990000):
// cities, districts and units with skewed staff sizes, people with valid resident ID
// numbers (GB 11643 check digit, encrypted and hashed with the server's own cipher), filed
// projects, and for each person and year a mix of credits from every channel, valued by
// the rules engine (`valueClaim`, as the intake stores them), some people short of the
// requirement. Deterministic for a seed (ids, names and values; the AES-GCM nonces of the
// encrypted ID numbers are random, as in the server). Rows go in with `COPY FROM STDIN`.
import { copyInto, copyLine } from './pg-copy.mjs';
import { serverModules } from './server-modules.mjs';

/** mulberry32, as the demo seed uses. */
function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnames = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const givenChars = Array.from(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯婷雪琳晨欣怡佳颖思源子涵梓轩雨泽晓峰志毅海燕春梅立新振宁俊嘉',
);
// Real GB/T 2260 birthplace codes (Hunan), none of them used by the 300 demo people, so
// generated ID numbers never collide with theirs.
const birthRegions = [
  '430111',
  '430112',
  '430121',
  '430181',
  '430202',
  '430203',
  '430302',
  '430321',
  '430402',
  '430421',
  '430502',
  '430521',
  '430602',
  '430621',
  '430702',
  '430721',
  '430802',
  '430821',
  '430902',
  '430921',
  '431002',
  '431021',
  '431102',
  '431121',
  '431202',
  '431221',
  '431302',
  '431321',
  '433101',
  '433122',
];
const cityNames = Array.from('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉');
const unitTypeWeights = [
  ['hospital', 22, 5],
  ['tcm_hospital', 6, 3],
  ['community_health_centre', 18, 1],
  ['township_health_centre', 36, 0.6],
  ['maternal_child_health', 6, 1.5],
  ['cdc', 6, 1],
  ['clinic', 6, 0.3],
];

const pad = (n, width) => String(n).padStart(width, '0');

function pick(random, items) {
  return items[Math.floor(random() * items.length)];
}

function weighted(random, items) {
  const total = items.reduce((s, item) => s + item[1], 0);
  let r = random() * total;
  for (const item of items) {
    r -= item[1];
    if (r < 0) return item;
  }
  return items.at(-1);
}

/** Deterministic, distinct UUID-shaped ids: a kind tag, the seed, a counter. */
function idMaker(seed) {
  const seedHex = pad((seed >>> 0).toString(16), 8).slice(-4);
  return (kind, n) => `${kind}-${seedHex}-4000-8000-${pad(n.toString(16), 12)}`;
}

/**
 * Generates the province into a database that holds the seeded demo province. `client`
 * is a connected pg client. Returns counts and seconds.
 */
export async function generateProvince(client, options) {
  const {
    people: peopleCount,
    years = 1,
    seed = 1,
    endYear = 2025,
    pendingPerPerson = 0,
  } = options;
  const log = options.log ?? (() => {});
  const m = await serverModules();
  const config = m.loadConfig(options.env);
  const cipher = new m.IdNumberCipher(config.idKeys.encryptionKey, config.idKeys.lookupKey);
  const random = createRandom(seed);
  const newId = idMaker(seed);
  const started = performance.now();
  const now = new Date(`${endYear + 1}-06-01T00:00:00Z`).toISOString();

  const { rows: provinces } = await client.query(
    `select id, path from orgs where kind = 'province' and region_code = '990000'`,
  );
  const province = provinces[0];
  if (!province) throw new Error('seed the demo province first');
  const { rows: hosts } = await client.query(
    `select id from orgs where kind = 'host' and path like $1 order by name`,
    [`${province.path}%`],
  );

  // Org tree: cities, districts, units (the provincial hospitals under the province).
  const orgs = [];
  const units = [];
  let orgN = 0;
  let creditSerial = 500_000;
  const addOrg = (parent, kind, name, regionCode, unitType = null) => {
    const id = newId('0a000000', ++orgN);
    const path = `${parent.path}${id}/`;
    const first17 = `12${regionCode}MB${pad(++creditSerial, 7)}`;
    const org = { id, path, kind, regionCode, parentKind: parent.kind };
    orgs.push([
      id,
      parent.id,
      kind,
      unitType,
      name,
      regionCode,
      first17 + m.creditCodeCheckChar(first17),
      path,
      path.split('/').filter(Boolean).length - 1,
      now,
    ]);
    return org;
  };
  const cityCount = Math.min(14, Math.max(2, Math.ceil(peopleCount / 36_000)));
  const unitCount = Math.max(20, Math.round(peopleCount / 110));
  const districts = [];
  const cities = [];
  for (let c = 0; c < cityCount; c++) {
    const code = `99${pad(3 + c, 2)}00`;
    const city = addOrg(
      { ...province, kind: 'province' },
      'city',
      `${cityNames[c]}州市卫生健康委员会`,
      code,
    );
    cities.push(city);
    const districtCount = 4 + Math.floor(random() * 8);
    for (let d = 1; d <= districtCount; d++) {
      const name = `${cityNames[c]}州市第${d}区卫生健康局`;
      const district = addOrg(city, 'district', name, `${code.slice(0, 4)}${pad(d, 2)}`);
      districts.push(Object.assign(district, { cityId: city.id }));
    }
  }
  // Staff sizes: Pareto-distributed (a few big hospitals, many small centres).
  for (let u = 0; u < unitCount; u++) {
    const level = u < 5 ? 'province' : random() < 0.06 ? 'city' : 'district';
    const [type, , typeFactor] = weighted(random, unitTypeWeights);
    const parent =
      level === 'province'
        ? { ...province, kind: 'province', regionCode: '990000' }
        : level === 'city'
          ? pick(random, cities)
          : pick(random, districts);
    const unitType =
      level === 'district' ? type : type === 'township_health_centre' ? 'hospital' : type;
    const unit = addOrg(
      parent,
      'unit',
      `第${u + 1}号${unitType === 'hospital' ? '医院' : '卫生机构'}`,
      parent.regionCode,
      unitType,
    );
    const pareto = Math.min(300, (1 - random()) ** (-1 / 1.16));
    unit.weight =
      pareto *
      (unitType === 'hospital' || unitType === 'tcm_hospital' ? typeFactor : typeFactor) *
      (level === 'district' ? 1 : 4);
    unit.place = m.placeOfUnit({ regionCode: parent.regionCode, unitType }, [
      { kind: parent.kind, regionCode: parent.regionCode },
    ]);
    // Self-reports go to the unit first, then to the city's (or the province's) reviewers.
    unit.reviewerId = level === 'province' ? province.id : (parent.cityId ?? parent.id);
    units.push(unit);
  }
  const biggestUnit = units.reduce((a, b) => (b.weight > a.weight ? b : a));
  const importSample = [];
  let learnerId = null;
  const cumulative = [];
  let totalWeight = 0;
  for (const u of units) cumulative.push((totalWeight += u.weight));
  const unitAt = (r) => {
    const target = r * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return units[lo];
  };
  await copyInto(
    client,
    'orgs',
    [
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
    ],
    orgs.map(copyLine).join(''),
  );
  log(
    `  ${orgs.length} orgs (${cityCount} cities, ${districts.length} districts, ${units.length} units)`,
  );

  // Filed projects of each year, hosted by the province's hosts.
  const firstYear = endYear - years + 1;
  const projectsByYear = new Map();
  const projectLines = [];
  let projectN = 0;
  for (let year = firstYear; year <= endYear + (pendingPerPerson > 0 ? 1 : 0); year++) {
    const list = [];
    const count = Math.max(20, Math.round(peopleCount / 200));
    for (let k = 0; k < count; k++) {
      const national = random() < 0.35;
      const mark = national ? '国' : '省';
      const number = `${year}-${pad(1 + (k % 20), 2)}-${pad(1 + (Math.floor(k / 20) % 10), 2)}-${1 + Math.floor(k / 200)}（${mark}）`;
      const hours = pick(random, [6, 12, 18, 24, 30]);
      const month = 1 + Math.floor(random() * 11);
      const startDate = `${year}-${pad(month, 2)}-${pad(1 + Math.floor(random() * 25), 2)}`;
      const project = {
        id: newId('0b000000', ++projectN),
        number,
        level: national ? 'national' : 'provincial',
        hours,
        startDate,
      };
      list.push(project);
      const attendee = Math.min(10, national ? hours / 3 : hours / 6);
      projectLines.push(
        copyLine([
          project.id,
          number,
          `第${projectN}期继续医学教育项目`,
          project.level,
          year,
          `${number.slice(5, 7)}-${number.slice(8, 10)}`,
          pick(random, hosts).id,
          startDate,
          startDate,
          '演示省会议中心',
          hours,
          attendee.toFixed(1),
          Math.min(10, hours).toFixed(1),
          'finished',
          now,
          now,
          now,
          now,
        ]),
      );
    }
    projectsByYear.set(year, list);
  }
  await copyInto(
    client,
    'projects',
    [
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
    ],
    projectLines.join(''),
  );
  log(`  ${projectLines.length} projects`);

  // Valuations are cached by place and activity (without id and day): the rules engine
  // gives the same answer for the same activity at the same place in the same year.
  const valuations = new Map();
  const value = (unit, activity) => {
    const key = `${unit.place.place.district ?? unit.place.place.city ?? ''}|${activity.type}|${activity.date.slice(0, 4)}|${activity.level ?? ''}|${activity.role ?? ''}|${activity.hours ?? ''}|${activity.times ?? ''}|${activity.months ?? ''}|${activity.journal ?? ''}|${activity.authorRank ?? ''}`;
    let v = valuations.get(key);
    if (!v) {
      const r = m.valueClaim(m.defaultPolicyRegistry, unit.place.place, 'x', activity);
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

  const claimColumns = [
    'id',
    'person_id',
    'unit_id',
    'channel',
    'activity',
    'activity_type',
    'activity_date',
    'year',
    'project_id',
    'project_number',
    'role',
    'credits',
    'credit_class',
    'pack_versions',
    'valuation_reasons',
    'status',
    'chain_steps',
    'current_step',
    'current_reviewer_org_id',
    'submitted_at',
    'decided_at',
    'created_at',
    'updated_at',
  ];
  const provenanceColumns = ['id', 'claim_id', 'channel', 'source_ref', 'received_at'];
  const personColumns = [
    'id',
    'name',
    'id_number_cipher',
    'id_number_hash',
    'id_number_masked',
    'sex',
    'birth_date',
    'phone',
    'profession',
    'title_grade',
    'tcm',
    'unit_id',
    'created_at',
    'updated_at',
  ];
  let claimN = 0;
  let personN = 0;
  let claimCount = 0;
  let pendingCount = 0;
  let shortCount = 0;
  let peopleLines = [];
  let historyLines = [];
  let claimLines = [];
  let provenanceLines = [];
  // Writing overlaps generating: the previous batch is in PostgreSQL's hands while this
  // one is built (at most one batch in flight).
  let inFlight = Promise.resolve();
  const flush = async () => {
    const batch = [peopleLines, historyLines, claimLines, provenanceLines].map((l) => l.join(''));
    peopleLines = [];
    historyLines = [];
    claimLines = [];
    provenanceLines = [];
    await inFlight;
    inFlight = (async () => {
      await copyInto(client, 'people', personColumns, batch[0]);
      await copyInto(
        client,
        'person_unit_history',
        ['id', 'person_id', 'unit_id', 'from_at'],
        batch[1],
      );
      await copyInto(client, 'credit_claims', claimColumns, batch[2]);
      await copyInto(client, 'credit_provenances', provenanceColumns, batch[3]);
    })();
    // A failure surfaces at the next await; keep it from being reported as unhandled first.
    inFlight.catch(() => {});
  };
  const seen = new Set();
  const addClaim = (personId, unit, channel, activity, status, project = null) => {
    const id = newId('0c000000', ++claimN);
    const v = value(unit, activity);
    // The cached parse is the same activity but for its id, day and project number.
    const stored = { ...v.activity, id, date: activity.date };
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
        channel,
        `bench#${claimN}`,
        `${activity.date}T18:00:00Z`,
      ]),
    );
    claimCount++;
  };
  const dateIn = (year) =>
    `${year}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;

  for (let i = 0; i < peopleCount; i++) {
    const unit = unitAt(random());
    let idNumber;
    let birthYear;
    let birth;
    do {
      birthYear = 1962 + Math.floor(random() * 40);
      birth = `${birthYear}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`;
      const first17 = `${pick(random, birthRegions)}${birth.replaceAll('-', '')}${pad(Math.floor(random() * 1000), 3)}`;
      idNumber = first17 + m.residentIdCheckChar(first17);
    } while (seen.has(idNumber));
    seen.add(idNumber);
    const personId = newId('0e000000', ++personN);
    const profession = weighted(random, [
      ['physician', 45],
      ['nurse', 35],
      ['pharmacist', 8],
      ['technician', 10],
      ['other', 2],
    ])[0];
    const age = endYear - birthYear;
    const grade = weighted(random, [
      ['junior', age < 32 ? 8 : 3],
      ['intermediate', 4],
      ['associate_senior', age > 38 ? 3 : 0.5],
      ['senior', age > 45 ? 2 : 0.1],
    ])[0];
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
        m.maskResidentId(idNumber),
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
      const projects = projectsByYear.get(year);
      let lastProject = -1;
      for (let k = 0; k < records; k++) {
        const r = random();
        if (!short && k < 2 && r < 0.9) {
          // Two different projects (the same one twice would be one claim at intake).
          let p = Math.floor(random() * projects.length);
          if (p === lastProject) p = (p + 1) % projects.length;
          lastProject = p;
          const project = projects[p];
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
        } else if (r < 0.45) {
          addClaim(
            personId,
            unit,
            'platform_push',
            {
              type: 'online_course',
              date: dateIn(year),
              hours: pick(random, [3, 6, 9, 12]),
              platform: '演示学习平台',
            },
            'effective',
          );
        } else if (r < 0.7) {
          addClaim(
            personId,
            unit,
            'unit_bulk_entry',
            {
              type: 'unit_lecture',
              date: dateIn(year),
              role: random() < 0.1 ? 'speaker' : 'participant',
              times: 1 + Math.floor(random() * 6),
            },
            'effective',
          );
        } else if (r < 0.88) {
          addClaim(
            personId,
            unit,
            'unit_bulk_entry',
            {
              type: 'case_discussion',
              date: dateIn(year),
              role: random() < 0.1 ? 'speaker' : 'participant',
              times: 1 + Math.floor(random() * 4),
            },
            'effective',
          );
        } else if (r < 0.95) {
          addClaim(
            personId,
            unit,
            'self_report',
            { type: 'self_study', date: dateIn(year), hours: pick(random, [3, 6, 9]) },
            'effective',
          );
        } else if (r < 0.99) {
          addClaim(
            personId,
            unit,
            'self_report',
            {
              type: 'paper',
              date: dateIn(year),
              journal: pick(random, ['core', 'provincial', 'foreign']),
              authorRank: 1 + Math.floor(random() * 3),
            },
            'effective',
          );
        } else {
          addClaim(
            personId,
            unit,
            'spreadsheet_import',
            { type: 'further_study', date: dateIn(year), months: 1 + Math.floor(random() * 6) },
            'effective',
          );
        }
      }
    }
    // This year's self-reports waiting at the unit (the reviewer queue).
    const pendingHere = Math.floor(pendingPerPerson) + (random() < pendingPerPerson % 1 ? 1 : 0);
    for (let k = 0; k < pendingHere; k++) {
      addClaim(
        personId,
        unit,
        'self_report',
        {
          type: 'self_study',
          date: `${endYear + 1}-${pad(1 + Math.floor(random() * 5), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`,
          hours: pick(random, [3, 6, 9]),
        },
        'submitted',
      );
      pendingCount++;
    }
    if (claimLines.length >= 50_000) {
      await flush();
      log(
        `  ${personN} people, ${claimCount} claims, ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  }
  await flush();
  await inFlight;
  await client.query('analyze');
  const seconds = (performance.now() - started) / 1000;
  return {
    orgs: orgs.length,
    units: units.length,
    projects: projectLines.length,
    people: peopleCount,
    shortInLastYear: shortCount,
    claims: claimCount,
    pendingClaims: pendingCount,
    seconds,
    claimsPerSecond: Math.round(claimCount / seconds),
    biggestUnitId: biggestUnit.id,
    /** A person with a full last year (the learner's year workload signs in as them). */
    learnerId,
    /** ID numbers and names of people of the biggest unit (the import workload's rows). */
    importSample,
  };
}
