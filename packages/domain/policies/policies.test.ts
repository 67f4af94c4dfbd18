import { describe, expect, it } from 'vitest';
import { loadPolicyPack } from '../src/rules/policy-pack';
import { defaultPolicyPacks, defaultPolicyRegistry } from './index';

/** The value at a dotted path of a pack's rules. */
function at(packId: string, path: string): unknown {
  const pack = defaultPolicyRegistry.packs.find((p) => p.id === packId);
  let value: unknown = pack?.rules;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

describe('the default packs', () => {
  it.each(defaultPolicyPacks.map((p) => [p.id, p] as const))(
    '%s loads and names its sources',
    (_, pack) => {
      const loaded = loadPolicyPack(pack);
      expect(loaded.sources.length).toBeGreaterThan(0);
      expect(loaded.version).toMatch(/^\d+\.\d+\.\d+$/);
    },
  );

  it.each([
    ['national-2006', 'requirements.annualTotal.credits', 25],
    ['national-2006', 'requirements.classMinimums.I.credits', 5],
    ['national-2006', 'requirements.classMinimums.II.credits', 15],
    ['national-2006', 'valuation.project.national.attendee.per', 3],
    ['national-2006', 'valuation.project.national.remote.perProjectCap', 5],
    ['national-2006', 'valuation.project.national.speaker.credits', 2],
    ['national-2006', 'valuation.project.provincial.attendee.per', 6],
    ['national-2006', 'valuation.project.municipal.attendee.basis', 'awarded'],
    ['national-2006', 'valuation.paper.table.core', [6, 5, 4]],
    ['national-2006', 'valuation.research.table.provincial', [8, 7, 6, 5, 4]],
    ['national-2006', 'valuation.survey_report.per', 3000],
    ['national-2006', 'valuation.case_discussion.participant.credits', 0.5],
    ['national-2006', 'valuation.further_study.credits', 4],
    ['national-2006', 'valuation.self_study', undefined],
    ['national-2006', 'yearCaps.unit_lecture_participants.credits', 5],
    ['national-2006', 'stage.credits', 10],
    ['national-2006', 'yearCaps.remote_education.credits', 10],
    ['national-2006', 'valuation.residency.basis', 'satisfies_year'],
    ['national-2006', 'entryYear', null],
    ['national-2024', 'classes', []],
    ['national-2024', 'requirements.annualTotal.hours', 90],
    ['national-2024', 'valuation.project.unit.attendee.per', 3],
    ['national-2024', 'valuation.project.national.remote', undefined],
    ['national-2024', 'yearCaps.organised_practice.credits', 15],
    ['national-2024', 'yearCaps.planned_self_study.credits', 10],
    ['national-2024', 'fullYear.months', 3],
    ['national-2024', 'stage', null],
    ['national-2024', 'valuation.residency.basis', 'satisfies_year'],
    ['guangzhou', 'requirements.classMinimums.I.credits', 10],
    ['sichuan', 'recognition.outOfProvinceProjectLevels', ['national']],
    ['sichuan', 'crossYearByCertificate.types', ['further_study']],
    ['chengdu-jinjiang', 'valuation.online_course.per', 6],
    ['hunan', 'certificate.hours', 60],
    [
      'national-2006',
      'evidence.aid_post.documents',
      ['dispatch_document', 'receiving_unit_evaluation'],
    ],
    ['national-2024', 'evidence.further_study.documents', ['completion_certificate']],
    ['national-2024', 'evidence.project.documents', ['credit_certificate']],
    ['national-2024', 'evidence.online_course.documents', ['platform_credit_screenshot']],
    ['national-2024', 'filedProjects', null],
    ['sichuan', 'filedProjects.levels', ['provincial']],
    ['chengdu-jinjiang', 'filedProjects.levels', ['provincial']],
    ['hunan', 'entryYear.source', 'seed-003'],
  ])('%s: %s = %j', (packId, path, value) => {
    expect(at(packId, path)).toEqual(value);
  });
});
