import type { PolicyPacksMessages } from '../zh-CN/policy-packs';

export const policyPacksMessages: PolicyPacksMessages = {
  policyPack: {
    'national-2006': 'Measures for awarding and managing CME credits (2006)',
    'national-2024': 'NHC General Office notice on CME, 2024 No. 20',
    sichuan: 'Sichuan CME credit measures (trial)',
    hunan: 'Hunan Health Commission notice on CME for health professionals',
    guangzhou: 'Guangzhou CME credit requirements',
    'chengdu-jinjiang': 'Chengdu Jinjiang District credit entry guide (2020)',
  },
  policySource: {
    'scenario-readme': 'Scenario notes: values of the default packs',
    'domain-digest': 'Domain notes: credit rules',
    'seed-000': 'Document 000: Guangzhou CME IC cards, 25 credits a year',
    'seed-001': 'Document 001: credit calculation methods, items 1–9',
    'seed-002': 'Document 002: Class I and Class II credits',
    'seed-003': 'Document 003: Hunan Health Commission notice on CME',
    'seed-004': 'Document 004: Jinjiang District 2020 credit entry guide',
    'measures-2006':
      'Measures for awarding and managing CME credits (2006), as digested in the domain notes',
    'measures-2024': 'NHC General Office 2024 No. 20 (2024-10-23), via a national news report',
    'measures-2006-copies':
      'Measures for awarding and managing CME credits (2006), remote CME, as secondary copies reproduce it: at most 10 such credits a year',
    'residency-assumption': 'Policy pack notes: residency training',
  },
  policySourceNote: {
    'measures-2006': 'Full text not among the documents.',
    'measures-2024':
      'Full text not retrieved: each number is a default to confirm against the official text.',
    'measures-2006-copies':
      'Full text not among the documents: to confirm against the official text.',
    'residency-assumption':
      'An assumption: the notices say a passed year is credited, not what it is worth.',
  },
  policyRules: {
    version: 'version {{version}}',
    place: 'region code {{code}}',
    source: 'Source: {{source}}',
    section: {
      requirements: 'Yearly requirements',
      valuation: 'How activities are valued',
      yearCaps: 'Yearly caps',
      recognition: 'Projects in other provinces',
      crossYear: 'Activities spanning two years',
      fullYear: 'A year satisfied on its own',
      stage: 'Stage requirement',
      certificate: 'Certificate',
      evidence: 'Evidence documents',
      filedProjects: 'Filed-project check',
      entryYear: 'Year of entry',
    },
    classes: 'Credit classes: {{classes}}',
    noClasses: 'Credits are not classed',
    classLabel: 'Class {{class}}',
    annualTotal: 'At least {{credits}} credits a year',
    annualHours: ' ({{hours}} hours)',
    classMinimum: 'At least {{credits}} Class {{class}} credits',
    projectLine: '{{level}} project · {{role}}: {{rule}}',
    remote: 'Remote',
    basis: {
      awarded: 'the credits on the certificate',
      hours: '{{credits}} credits per {{per}} hours',
      awarded_or_hours:
        'the credits on the certificate, else {{credits}} credits per {{per}} hours',
    },
    perProjectCap: ', at most {{cap}} credits a project',
    inClass: ' (Class {{class}})',
    table: '{{category}}: {{credits}} credits by rank',
    rate: '{{credits}} credits per {{per}} {{unit}}',
    whole: ' (whole multiples only)',
    sessionLine: '{{role}}: {{rule}}',
    unit: {
      hours: 'hours',
      words: 'words',
      characters: 'characters (translated)',
      times: 'sessions',
      months: 'months',
    },
    yearCap: '{{members}}: at most {{credits}} credits a year together',
    memberWithRole: '{{type}} ({{role}})',
    recognition: 'Levels recognised when hosted in another province: {{levels}}',
    recognitionNone: 'Projects hosted in another province are not recognised',
    crossYear: '{{types}} spanning two years count in the year of the certificate',
    fullYear: '{{months}} months of {{types}} in a year satisfy that year',
    stage:
      'Staff of {{unitLevels}} units: from {{firstYear}}, every {{years}} years, at least {{credits}} credits from {{projectLevel}} projects',
    certificate: 'The certificate counts as {{hours}} hours',
    typeRule: '{{type}}: {{rule}}',
    listSeparator: ', ',
  },
};
