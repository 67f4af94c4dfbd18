import { describe, expect, it } from 'vitest';
import { activityTypes } from '../rules/vocabulary';
import { checkSelfReportEvidence, selfReportEvidenceRequired } from './self-report-evidence';

describe('checkSelfReportEvidence', () => {
  it.each([
    ['project', 0, false],
    ['project', 1, true],
    ['paper', 0, false],
    ['further_study', 0, false],
    ['aid_post', 2, true],
    ['self_study', 0, true],
    ['online_course', 0, true],
    ['unit_lecture', 0, true],
  ] as const)('%s with %i file(s): ok=%s', (type, files, ok) => {
    expect(checkSelfReportEvidence(type, files).ok).toBe(ok);
  });

  it('names the type and how many files are missing', () => {
    expect(checkSelfReportEvidence('research', 0)).toEqual({
      ok: false,
      activityType: 'research',
      required: 1,
      attached: 0,
    });
  });

  it('decides every activity type', () => {
    for (const type of activityTypes)
      expect(typeof selfReportEvidenceRequired[type]).toBe('boolean');
  });
});
