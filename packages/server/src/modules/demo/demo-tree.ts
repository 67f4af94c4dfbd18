import type { OrgKind, Role, UnitType } from '@jijiao/contracts';

/** The demo province 演示省 (code 990000): a fictitious region, never a real one. */
export interface DemoOrg {
  key: string;
  kind: OrgKind;
  unitType?: UnitType;
  name: string;
  regionCode: string;
  /** Relative staff size of a unit, for the skewed distribution of demo people. */
  staffWeight?: number;
  /**
   * The share of a unit's staff that meets the year's requirement by December in the demo's
   * credits, so the bars by unit and by city differ (see demo-credit-plan).
   */
  compliantShare?: number;
  tcm?: boolean;
  children?: DemoOrg[];
}

/** The demo online platform; its API key is JIJIAO_DEMO_PLATFORM_KEY when that is set. */
export const demoPlatformName = '好医生在线教育平台';

export const demoTree: DemoOrg = {
  key: 'province',
  kind: 'province',
  name: '演示省卫生健康委员会',
  regionCode: '990000',
  children: [
    {
      key: 'cme-office',
      kind: 'cme_office',
      name: '演示省继续医学教育委员会办公室',
      regionCode: '990000',
    },
    {
      key: 'provincial-hospital',
      kind: 'unit',
      unitType: 'hospital',
      name: '演示省人民医院',
      regionCode: '990000',
      staffWeight: 12,
      compliantShare: 0.86,
    },
    { key: 'medical-association', kind: 'host', name: '演示省医学会', regionCode: '990000' },
    { key: 'demo-platform', kind: 'platform', name: demoPlatformName, regionCode: '990000' },
    {
      key: 'donghu',
      kind: 'city',
      name: '东湖市卫生健康委员会',
      regionCode: '990100',
      children: [
        {
          key: 'donghu-central',
          kind: 'unit',
          unitType: 'hospital',
          name: '东湖市中心医院',
          regionCode: '990100',
          staffWeight: 8,
          compliantShare: 0.84,
        },
        {
          key: 'jiangnan',
          kind: 'district',
          name: '东湖市江南区卫生健康局',
          regionCode: '990102',
          children: [
            {
              key: 'jiangnan-association',
              kind: 'association',
              name: '江南区医学会',
              regionCode: '990102',
            },
            {
              key: 'jiangnan-hospital',
              kind: 'unit',
              unitType: 'hospital',
              name: '江南区人民医院',
              regionCode: '990102',
              staffWeight: 5,
              compliantShare: 0.78,
            },
            {
              key: 'jiangbin-chc',
              kind: 'unit',
              unitType: 'community_health_centre',
              name: '江南区江滨社区卫生服务中心',
              regionCode: '990102',
              staffWeight: 1,
              compliantShare: 0.7,
            },
          ],
        },
        {
          key: 'jiangbei',
          kind: 'district',
          name: '东湖市江北区卫生健康局',
          regionCode: '990103',
          children: [
            {
              key: 'jiangbei-tcm',
              kind: 'unit',
              unitType: 'tcm_hospital',
              name: '江北区中医医院',
              regionCode: '990103',
              staffWeight: 3,
              compliantShare: 0.85,
              tcm: true,
            },
            {
              key: 'jiangbei-cdc',
              kind: 'unit',
              unitType: 'cdc',
              name: '江北区疾病预防控制中心',
              regionCode: '990103',
              staffWeight: 1,
              compliantShare: 0.72,
            },
          ],
        },
      ],
    },
    {
      key: 'xishan',
      kind: 'city',
      name: '西山市卫生健康委员会',
      regionCode: '990200',
      children: [
        {
          key: 'shanyang',
          kind: 'district',
          name: '西山市山阳区卫生健康局',
          regionCode: '990202',
          children: [
            {
              key: 'baishi-clinic',
              kind: 'unit',
              unitType: 'township_health_centre',
              name: '山阳区白石镇卫生院',
              regionCode: '990202',
              staffWeight: 1,
              compliantShare: 0.55,
            },
          ],
        },
        {
          key: 'linjiang',
          kind: 'district',
          name: '临江县卫生健康局',
          regionCode: '990221',
          children: [
            {
              key: 'linjiang-hospital',
              kind: 'unit',
              unitType: 'hospital',
              name: '临江县人民医院',
              regionCode: '990221',
              staffWeight: 3,
              compliantShare: 0.76,
            },
            {
              key: 'linjiang-mch',
              kind: 'unit',
              unitType: 'maternal_child_health',
              name: '临江县妇幼保健院',
              regionCode: '990221',
              staffWeight: 1,
              compliantShare: 0.68,
            },
          ],
        },
      ],
    },
  ],
};

/** The name of the demo organisation with this key, searching the whole tree. */
export function demoOrgName(key: string, node: DemoOrg = demoTree): string | undefined {
  if (node.key === key) return node.name;
  for (const child of node.children ?? []) {
    const name = demoOrgName(key, child);
    if (name !== undefined) return name;
  }
  return undefined;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  orgKey: string;
}

export const demoAccounts: readonly DemoAccount[] = [
  { username: 'demo-learner', displayName: '王晓明', role: 'learner', orgKey: 'jiangnan-hospital' },
  {
    username: 'demo-unit-admin',
    displayName: '李继教（江南区人民医院）',
    role: 'unit_admin',
    orgKey: 'jiangnan-hospital',
  },
  {
    username: 'demo-reviewer',
    displayName: '张审核（东湖市卫健委）',
    role: 'reviewer',
    orgKey: 'donghu',
  },
  {
    username: 'demo-association-reviewer',
    displayName: '孙审核（江南区医学会）',
    role: 'reviewer',
    orgKey: 'jiangnan-association',
  },
  {
    username: 'demo-district-reviewer',
    displayName: '周审核（江北区卫健局）',
    role: 'reviewer',
    orgKey: 'jiangbei',
  },
  {
    username: 'demo-province-reviewer',
    displayName: '吴审核（省继教办）',
    role: 'reviewer',
    orgKey: 'cme-office',
  },
  {
    username: 'demo-host-admin',
    displayName: '赵举办（演示省医学会）',
    role: 'host_admin',
    orgKey: 'medical-association',
  },
  {
    username: 'demo-province-admin',
    displayName: '陈省办（省继教办）',
    role: 'province_admin',
    orgKey: 'province',
  },
  {
    username: 'demo-system-admin',
    displayName: '系统管理员',
    role: 'system_admin',
    orgKey: 'province',
  },
];

/** Printed on the console and written in the README; JIJIAO_DEMO_PASSWORD overrides it. */
export const defaultDemoPassword = 'Jijiao@2026';

/**
 * Review chains set explicitly in the demo (the other units use the default derived from
 * the tree): Jiangnan's units go through the district medical association first, as in
 * the Jinjiang notice; the provincial hospital reports straight to the provincial office.
 */
export const demoReviewChains: readonly (readonly [string, readonly string[]])[] = [
  ['jiangnan-hospital', ['jiangnan-association', 'donghu', 'cme-office']],
  ['jiangbin-chc', ['jiangnan-association', 'donghu', 'cme-office']],
  ['provincial-hospital', ['cme-office']],
];
