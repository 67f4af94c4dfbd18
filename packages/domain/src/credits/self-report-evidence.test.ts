import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry } from '../../policies/index';
import { national2024 } from '../../policies/national-2024';
import { loadPolicyPack, PolicyPackError } from '../rules/policy-pack';
import type { EvidenceRules } from '../rules/policy-schema';
import { activityTypes, type EvidenceDocumentKind } from '../rules/vocabulary';
import { checkEvidenceDocuments } from './self-report-evidence';

function rulesAt(place: { province: string; district?: string }, year: number) {
  const resolved = defaultPolicyRegistry.resolve(place, year);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.policy.rules.evidence;
}

const national: EvidenceRules = rulesAt({ province: '990000' }, 2026);

describe('checkEvidenceDocuments', () => {
  it.each<
    [
      string,
      Parameters<typeof checkEvidenceDocuments>[1],
      (EvidenceDocumentKind | null)[],
      EvidenceDocumentKind[],
    ]
  >([
    ['对口支援 without files', 'aid_post', [], ['dispatch_document', 'receiving_unit_evaluation']],
    [
      '对口支援 with the dispatch document only',
      'aid_post',
      ['dispatch_document'],
      ['receiving_unit_evaluation'],
    ],
    [
      '对口支援 with both documents',
      'aid_post',
      ['receiving_unit_evaluation', 'dispatch_document'],
      [],
    ],
    [
      '对口支援 with files that say no document',
      'aid_post',
      [null, null],
      ['dispatch_document', 'receiving_unit_evaluation'],
    ],
    ['进修 with its completion certificate', 'further_study', ['completion_certificate'], []],
    [
      '进修 with the wrong document',
      'further_study',
      ['credit_certificate'],
      ['completion_certificate'],
    ],
    [
      'a project without its credit certificate',
      'project',
      ['supporting_document'],
      ['credit_certificate'],
    ],
    [
      'a project with its credit certificate twice',
      'project',
      ['credit_certificate', 'credit_certificate'],
      [],
    ],
    ['a paper without its page or retrieval report', 'paper', [], ['article_or_retrieval']],
    [
      'an online course without the platform screenshot',
      'online_course',
      [null],
      ['platform_credit_screenshot'],
    ],
    ['research with a supporting document', 'research', ['supporting_document'], []],
    ['a unit lecture, which needs nothing', 'unit_lecture', [], []],
    ['planned self-study, which needs nothing', 'self_study', [], []],
  ])('%s: missing %j', (_, type, attached, missing) => {
    expect(checkEvidenceDocuments(national, type, attached).missing).toEqual(missing);
  });

  it('ticks each document the pack asks for, in the pack’s order', () => {
    expect(checkEvidenceDocuments(national, 'aid_post', ['receiving_unit_evaluation'])).toEqual({
      items: [
        { kind: 'dispatch_document', attached: false },
        { kind: 'receiving_unit_evaluation', attached: true },
      ],
      missing: ['dispatch_document'],
    });
  });

  it.each([
    [{ province: '990000' }, 2024],
    [{ province: '990000' }, 2026],
    [{ province: '510000', district: '510104' }, 2026],
    [{ province: '430000' }, 2020],
  ])('every activity type has its documents in %j, %i', (place, year) => {
    const evidence = rulesAt(place, year);
    for (const type of activityTypes) expect(Array.isArray(evidence[type].documents)).toBe(true);
  });

  it('refuses a national pack that leaves an activity type out, naming it', () => {
    const { aid_post: _left, ...rest } = national2024.rules.evidence;
    const pack = { ...national2024, rules: { ...national2024.rules, evidence: rest } };
    expect(() => loadPolicyPack(pack)).toThrow(PolicyPackError);
    expect(() => loadPolicyPack(pack)).toThrow(/rules\.evidence\.aid_post/);
  });

  it('refuses a document kind that is not one of the codes', () => {
    const evidence = {
      ...national2024.rules.evidence,
      paper: { documents: ['photo'], source: 'seed-004' },
    };
    const pack = { ...national2024, rules: { ...national2024.rules, evidence } };
    expect(() => loadPolicyPack(pack)).toThrow(/rules\.evidence\.paper\.documents\[0\]/);
  });
});
