import { describe, expect, it } from 'vitest';
import { guangzhou, national2006, national2024 } from '../../policies/index';
import { loadPolicyPack, PolicyPackError } from './policy-pack';
import { createPolicyRegistry } from './resolve-policy';

const removed = Symbol('removed');

/** A copy of a pack with the value at a dotted path replaced (or removed). */
function changed(pack: unknown, path: string, value: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(pack));
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let target: unknown = copy;
  for (const key of keys) target = (target as Record<string, unknown>)[key];
  const parent = target as Record<string, unknown>;
  if (value === removed) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
  return copy;
}

describe('loadPolicyPack', () => {
  it('accepts the national packs and returns them parsed', () => {
    expect(loadPolicyPack(national2006).id).toBe('national-2006');
    expect(loadPolicyPack(national2024).level).toBe('national');
  });

  it.each([
    [
      'a negative rate',
      ['rules.valuation.book.per', -1000],
      'rules.valuation.book.per: must be a positive number',
    ],
    [
      'a missing requirement',
      ['rules.requirements.annualTotal', removed],
      'rules.requirements.annualTotal',
    ],
    [
      'an unknown key (a typo)',
      ['rules.valuation.bok', national2006.rules.valuation.book],
      'rules.valuation',
    ],
    [
      'an hours basis without a rate',
      ['rules.valuation.project.national.speaker.per', removed],
      'rules.valuation.project.national.speaker.per: is required for hours',
    ],
    [
      'a source the pack does not list',
      ['rules.valuation.book.source', 'hearsay'],
      'rules.valuation.book.source: unknown source "hearsay"',
    ],
    [
      'a class not in force',
      ['rules.valuation.book.class', null],
      'rules.valuation.book.class: must be one of I, II',
    ],
    [
      'a class minimum without classes',
      ['rules.classes', []],
      'rules.valuation.project.national.attendee.class: must be null',
    ],
    ['an id that is not kebab-case', ['id', 'National 2006'], 'id: must be kebab-case'],
    [
      'an empty rank table',
      ['rules.valuation.paper.table.core', []],
      'rules.valuation.paper.table.core: must list at least one rank',
    ],
  ] as const)('names the field for %s', (_, [path, value], message) => {
    const pack = changed(national2006, path, value);
    expect(() => loadPolicyPack(pack)).toThrow(PolicyPackError);
    expect(() => loadPolicyPack(pack)).toThrow(message);
  });

  it('names the pack, even one without an id', () => {
    expect(() => loadPolicyPack(changed(national2006, 'version', ''))).toThrow(
      'policy pack national-2006: version:',
    );
    expect(() => loadPolicyPack({ level: 'national' })).toThrow('policy pack (unnamed): id');
  });

  it('checks an overlay for its place code and its sources', () => {
    expect(() => loadPolicyPack(changed(guangzhou, 'code', '4401'))).toThrow(
      'code: must be a 6-digit GB/T 2260 code',
    );
    const unknownSource = changed(guangzhou, 'rules.requirements.classMinimums.I.source', 'x');
    expect(() => loadPolicyPack(unknownSource)).toThrow(
      'rules.requirements.classMinimums.I.source: unknown source "x"',
    );
  });
});

describe('createPolicyRegistry', () => {
  it('checks an overlay against every national pack it can meet', () => {
    const badOverlay = changed(guangzhou, 'rules.requirements.classMinimums.I.credits', 0);
    expect(() => createPolicyRegistry([national2006, badOverlay])).toThrow(
      'policy pack guangzhou: rules.requirements.classMinimums.I.credits: must be a positive number',
    );
    // Guangzhou's class minimums cannot apply to the unclassed 2024 rules.
    const allYears = changed(guangzhou, 'years', {});
    expect(() => createPolicyRegistry([national2006, national2024, allYears])).toThrow(
      'policy pack guangzhou: rules.requirements.classMinimums.I: names a class not in force',
    );
  });

  it.each([
    [
      'two national packs for one year',
      [national2006, changed(national2024, 'years', { from: 2024 })],
      'national-2024: years: overlaps national-2006',
    ],
    [
      'two overlays for one place and year',
      [national2006, guangzhou, changed(guangzhou, 'id', 'guangzhou-bis')],
      'guangzhou-bis: years: overlaps guangzhou',
    ],
    [
      'a repeated id',
      [national2006, changed(national2024, 'id', 'national-2006')],
      'repeats the id of another pack',
    ],
  ])('rejects %s', (_, packs, message) => {
    expect(() => createPolicyRegistry(packs)).toThrow(message);
  });
});
