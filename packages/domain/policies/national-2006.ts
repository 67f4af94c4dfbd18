/** The 2006 measures: Class I and Class II credits, in force for credit years up to 2024. */
import type { NationalPackInput } from '../src/rules/policy-pack';
import { evidenceDocuments } from './evidence';
import { sources } from './sources';

const readme = sources.scenarioReadme.id;
const seed001 = sources.seed001.id;
const perHour = (credits: number, per: number, perProjectCap: number) =>
  ({
    class: 'I',
    basis: 'hours',
    credits,
    per,
    perProjectCap,
    source: readme,
  }) as const;
const rate = (credits: number, per: number, source: string, whole?: boolean) =>
  ({ class: 'II', credits, per, source, ...(whole ? { whole } : {}) }) as const;

export const national2006: NationalPackInput = {
  id: 'national-2006',
  version: '1.1.0',
  title: '继续医学教育学分授予与管理办法 (2006)',
  level: 'national',
  years: { to: 2024 },
  sources: [
    sources.scenarioReadme,
    sources.domainDigest,
    sources.seed001,
    sources.seed002,
    sources.measures2006,
    sources.seed004,
    sources.measures2006Copies,
    sources.residencyAssumption,
  ],
  rules: {
    classes: ['I', 'II'],
    requirements: {
      annualTotal: { credits: 25, source: seed001 },
      // "Class I 5–10, Class II 15–20" read as minimums; the classes do not substitute.
      classMinimums: {
        I: { credits: 5, source: sources.domainDigest.id },
        II: { credits: 15, source: sources.domainDigest.id },
      },
    },
    valuation: {
      project: {
        national: {
          attendee: { ...perHour(1, 3, 10), basis: 'awarded_or_hours' },
          speaker: perHour(2, 1, 10),
          remote: perHour(1, 3, 5),
        },
        provincial: {
          attendee: { ...perHour(1, 6, 10), basis: 'awarded_or_hours' },
          speaker: perHour(1, 1, 10),
        },
        municipal: {
          attendee: { class: 'II', basis: 'awarded', source: sources.seed002.id },
          speaker: { class: 'II', basis: 'awarded', source: sources.seed002.id },
        },
        unit: {
          attendee: { class: 'II', basis: 'awarded', source: sources.seed002.id },
          speaker: { class: 'II', basis: 'awarded', source: sources.seed002.id },
        },
      },
      paper: {
        class: 'II',
        table: { foreign: [10, 9, 8], core: [6, 5, 4], provincial: [5, 4, 3] },
        source: readme,
      },
      research: {
        class: 'II',
        table: {
          national: [10, 9, 8, 7, 6],
          provincial: [8, 7, 6, 5, 4],
          city: [6, 5, 4, 3, 2],
        },
        source: readme,
      },
      book: rate(1, 1000, seed001, true),
      survey_report: rate(1, 3000, seed001, true),
      translation: rate(1, 1500, seed001, true),
      written_review: rate(1, 2000, sources.domainDigest.id, true),
      // Seed 001 gives a case-discussion participant 0.5; the 2006 text is said to give 0.2.
      unit_lecture: { speaker: rate(2, 1, seed001), participant: rate(0.5, 1, seed001) },
      case_discussion: { speaker: rate(1, 1, seed001), participant: rate(0.5, 1, seed001) },
      further_study: rate(4, 1, seed001),
      degree_study: rate(4, 1, seed001),
      aid_post: rate(4, 1, seed001),
      online_course: rate(1, 3, readme),
      // A passed residency year meets the year's requirements, as the full-year rule of 2024.
      residency: { basis: 'satisfies_year', source: sources.residencyAssumption.id },
    },
    // Seed 001: participants at most 5 a year for each kind (the 2006 text: 10 together).
    yearCaps: {
      unit_lecture_participants: {
        credits: 5,
        members: [{ type: 'unit_lecture', role: 'participant' }],
        source: seed001,
      },
      case_discussion_participants: {
        credits: 5,
        members: [{ type: 'case_discussion', role: 'participant' }],
        source: seed001,
      },
      // 远程继续医学教育 (national projects attended remotely, at most 5 each): 10 a year.
      remote_education: {
        credits: 10,
        members: [{ type: 'project', level: 'national', role: 'attendee', remote: true }],
        source: sources.measures2006Copies.id,
      },
    },
    recognition: {
      outOfProvinceProjectLevels: ['national', 'provincial', 'municipal', 'unit'],
      source: sources.measures2006.id,
    },
    crossYearByCertificate: null,
    fullYear: null,
    // Stages counted from 2006 (2006–2010 … 2016–2020, 2021–2025), with the five-year plans.
    stage: {
      years: 5,
      firstYear: 2006,
      unitLevels: ['provincial'],
      projectLevel: 'national',
      credits: 10,
      source: seed001,
    },
    certificate: null,
    evidence: evidenceDocuments,
    // Nationally no registry check: overlays name the levels their registry covers.
    filedProjects: null,
    entryYear: null,
  },
};
