/**
 * The 2024 measures (国卫办科教发〔2024〕20号), from credit year 2025: no classes, 25 credits.
 * The full text could not be retrieved; the numbers marked measures-2024 come from a national
 * news report of it, the self-study grouping from secondary summaries (see sources).
 */
import type { NationalPackInput } from '../src/rules/policy-pack';
import { evidenceDocuments } from './evidence';
import { sources } from './sources';

const measures = sources.measures2024.id;
const readme = sources.scenarioReadme.id;
const attendee = {
  class: null,
  basis: 'awarded_or_hours',
  credits: 1,
  per: 3,
  perProjectCap: 10,
  source: measures,
} as const;
const speaker = { ...attendee, basis: 'hours', credits: 2, per: 1 } as const;
const projectLevel = { attendee, speaker };
const rate = (credits: number, per: number, source: string, whole?: boolean) =>
  ({ class: null, credits, per, source, ...(whole ? { whole } : {}) }) as const;

export const national2024: NationalPackInput = {
  id: 'national-2024',
  version: '1.1.0',
  title: '国卫办科教发〔2024〕20号',
  level: 'national',
  years: { from: 2025 },
  sources: [
    sources.scenarioReadme,
    sources.domainDigest,
    sources.measures2024,
    sources.seed004,
    sources.residencyAssumption,
  ],
  rules: {
    classes: [],
    requirements: {
      annualTotal: { credits: 25, hours: 90, source: measures },
      classMinimums: {},
    },
    valuation: {
      project: {
        national: projectLevel,
        provincial: projectLevel,
        municipal: projectLevel,
        unit: projectLevel,
      },
      online_course: rate(1, 3, readme),
      // Government-directed tasks are recorded as aid_post.
      further_study: rate(4, 1, readme),
      degree_study: rate(4, 1, readme),
      aid_post: rate(4, 1, readme),
      // Organised practice and planned self-study keep the 2006 rates (scenario README).
      unit_lecture: { speaker: rate(2, 1, readme), participant: rate(0.5, 1, readme) },
      case_discussion: { speaker: rate(1, 1, readme), participant: rate(0.5, 1, readme) },
      self_study: rate(1, 3, readme),
      paper: {
        class: null,
        table: { foreign: [10, 9, 8], core: [6, 5, 4], provincial: [5, 4, 3] },
        source: readme,
      },
      research: {
        class: null,
        table: {
          national: [10, 9, 8, 7, 6],
          provincial: [8, 7, 6, 5, 4],
          city: [6, 5, 4, 3, 2],
        },
        source: readme,
      },
      book: rate(1, 1000, readme, true),
      survey_report: rate(1, 3000, readme, true),
      translation: rate(1, 1500, readme, true),
      written_review: rate(1, 2000, readme, true),
      // A passed residency year meets the year's requirements, as the full-year rule does.
      residency: { basis: 'satisfies_year', source: sources.residencyAssumption.id },
    },
    yearCaps: {
      organised_practice: {
        credits: 15,
        members: [{ type: 'unit_lecture' }, { type: 'case_discussion' }],
        source: measures,
      },
      planned_self_study: {
        credits: 10,
        members: [
          { type: 'self_study' },
          { type: 'paper' },
          { type: 'research' },
          { type: 'book' },
          { type: 'survey_report' },
          { type: 'translation' },
          { type: 'written_review' },
        ],
        source: measures,
      },
    },
    // Secondary summaries: credits are recognised across provinces.
    recognition: {
      outOfProvinceProjectLevels: ['national', 'provincial', 'municipal', 'unit'],
      source: sources.domainDigest.id,
    },
    crossYearByCertificate: null,
    fullYear: {
      types: ['further_study', 'degree_study', 'aid_post'],
      months: 3,
      source: measures,
    },
    stage: null,
    certificate: null,
    evidence: evidenceDocuments,
    // Nationally no registry check: overlays name the levels their registry covers.
    filedProjects: null,
    entryYear: null,
  },
};
