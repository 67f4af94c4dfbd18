import { describe, expect, it } from 'vitest';
import * as contracts from '@jijiao/contracts';
import {
  activitySchema,
  activityTypes,
  creditChannels,
  creditClassSchema,
  defaultPolicyPacks,
  evidenceDocumentKinds,
  journalSchema,
  projectLevelSchema,
  projectRoleSchema,
  reasonCodes,
  researchLevelSchema,
  sessionRoleSchema,
  swipeResults,
} from '@jijiao/domain';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';
import { lookupMessage } from './message-key';
import { labelOf, notShown, vocabularies, type Vocabulary } from './vocabulary';

const registered = Object.entries(vocabularies) as [string, Vocabulary][];

/** A label that is itself a code: snake_case, camelCase, or a bare lowercase English word. */
const looksLikeCode = (text: string) =>
  /\b[a-z][a-z0-9]*_[a-z0-9]/.test(text) || /\b[a-z]+[A-Z]\w*/.test(text);

describe('the label registry', () => {
  it('covers every list of codes the contracts export', () => {
    const lists = (Object.entries(contracts) as [string, unknown][]).filter(
      (entry): entry is [string, string[]] =>
        Array.isArray(entry[1]) &&
        entry[1].length > 0 &&
        entry[1].every((item: unknown) => typeof item === 'string'),
    );
    expect(lists.length).toBeGreaterThan(20);
    const covered = (list: readonly string[]) =>
      registered.some(([, v]) => v.values === list || sameMembers(v.values, list));
    const missing = lists.filter(([name, list]) => !covered(list) && !(name in notShown));
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it.each(registered)('%s: every code has words in zh-CN and en-US', (_name, vocabulary) => {
    for (const code of vocabulary.values) {
      const key = vocabulary.key(code);
      const zh = lookupMessage(zhCN, key);
      const en = lookupMessage(enUS, key);
      expect(zh, key).toBeTruthy();
      expect(en, key).toBeTruthy();
      expect(looksLikeCode(zh ?? ''), `${key}: ${zh ?? ''}`).toBe(false);
    }
  });

  it('shows a code it does not know as a dash, never raw', () => {
    const t = (key: string) => lookupMessage(zhCN, key) ?? key;
    expect(labelOf(t, 'valuationReason', 'capped_per_project')).toBe('已达单个项目学分上限');
    expect(labelOf(t, 'valuationReason', 'some_new_reason')).toBe('—');
    expect(labelOf(t, 'auditAction', 'sign_in.failed')).toBe('登录失败');
  });
});

describe('the contracts mirror the rules engine', () => {
  it.each([
    ['valuation reasons', contracts.valuationReasons, reasonCodes],
    ['activity types', contracts.activityTypes, activityTypes],
    ['credit channels', contracts.creditChannels, creditChannels],
    ['project levels', contracts.projectLevels, projectLevelSchema.options],
    ['project roles', contracts.projectRoles, projectRoleSchema.options],
    ['session roles', contracts.sessionRoles, sessionRoleSchema.options],
    ['journal kinds', contracts.journalKinds, journalSchema.options],
    ['research levels', contracts.researchLevels, researchLevelSchema.options],
    ['evidence document kinds', contracts.evidenceDocumentKinds, evidenceDocumentKinds],
    ['swipe results', contracts.swipeResultCodes, swipeResults],
  ])('%s', (_name, mirror, domain) => {
    expect([...mirror].sort()).toEqual([...domain].sort());
  });

  it('credit channels in the same order: it is the authority when duplicates merge', () => {
    expect(contracts.creditChannels).toEqual(creditChannels);
  });

  it('activity fields', () => {
    const fields = new Set(activitySchema.options.flatMap((schema) => Object.keys(schema.shape)));
    for (const own of ['id', 'type', 'date']) fields.delete(own);
    expect([...contracts.activityFieldNames].sort()).toEqual([...fields].sort());
  });

  it('every requirement a pack can set', () => {
    const codes = [
      'annual_total',
      ...creditClassSchema.options.map((c) => `class_${c}_minimum`),
      ...projectLevelSchema.options.map((level) => `stage_${level}_projects`),
    ];
    expect([...contracts.requirementCodes].sort()).toEqual(codes.sort());
  });
});

describe('the policy packs shipped', () => {
  it.each(defaultPolicyPacks.map((pack) => [pack.id, pack] as const))(
    '%s has a name and its sources citations in both languages',
    (id, pack) => {
      for (const tree of [zhCN, enUS]) {
        expect(lookupMessage(tree, `policyPack.${id}`), id).toBeTruthy();
        for (const source of pack.sources)
          expect(lookupMessage(tree, `policySource.${source.id}`), source.id).toBeTruthy();
      }
    },
  );
});

function sameMembers(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
