/**
 * The documents the packs' numbers come from. Seeds are under ../shared/seeds in the
 * project's shared folder; the scenario README fixes the default packs' values.
 */
export const sources = {
  scenarioReadme: {
    id: 'scenario-readme',
    document: '../shared/scenarios/README.md, "Values of the default packs"',
  },
  domainDigest: {
    id: 'domain-digest',
    document: '../shared/docs/domain.md, "Credit rules"',
  },
  seed000: {
    id: 'seed-000',
    document: '../shared/seeds/000_e3d9fee0b5d57bca.txt (Guangzhou: IC cards, 25 credits a year)',
  },
  seed001: {
    id: 'seed-001',
    document: '../shared/seeds/001_8b25712379d84a37.txt (credit calculation methods, items 1–9)',
  },
  seed002: {
    id: 'seed-002',
    document: '../shared/seeds/002_0a98bbd5df1ffd94.txt (Class I and Class II credits)',
  },
  seed003: {
    id: 'seed-003',
    document: '../shared/seeds/003_383876155e6b26a6.txt (湖南省卫生健康委 继续医学教育工作通知)',
  },
  seed004: {
    id: 'seed-004',
    document: '../shared/seeds/004_3be214d4320a3a93.txt (锦江区2020年继教学分录入指南)',
  },
  measures2006: {
    id: 'measures-2006',
    document: '《继续医学教育学分授予与管理办法》(2006), as digested in ../shared/docs/domain.md',
    note: 'Full text not among the seeds.',
  },
  measures2006Copies: {
    id: 'measures-2006-copies',
    document:
      '《继续医学教育学分授予与管理办法》(2006), 远程继续医学教育, as secondary copies reproduce it: "此类学分每年授予最多不超过10学分"',
    note: 'Full text not among the seeds: to confirm against the official text.',
  },
  residencyAssumption: {
    id: 'residency-assumption',
    document: 'docs/policies.md, "Residency training (规培)"',
    note: 'An assumption: the notices say a passed year is credited, not what it is worth.',
  },
  measures2024: {
    id: 'measures-2024',
    document: '国卫办科教发〔2024〕20号 (2024-10-23), via a national news report',
    note: 'Full text not retrieved: each number is a default to confirm against the official text.',
  },
} as const;
