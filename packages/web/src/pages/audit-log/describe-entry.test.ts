import { describe, expect, it } from 'vitest';
import { lookupMessage } from '../../i18n/message-key';
import { zhCN } from '../../i18n/zh-CN';
import { actorText, describeDetails, targetText } from './describe-entry';

const t = (key: string, values: Record<string, string | number> = {}) =>
  (lookupMessage(zhCN, key) ?? key).replace(/{{(\w+)}}/g, (_m, name: string) =>
    String(values[name] ?? ''),
  );

describe('an audit-log entry in words', () => {
  it.each([
    [
      'credit.submit',
      { to: 'submitted', from: 'draft', step: 0, reason: null },
      '状态：草稿 → 审核中；审核级别：第 1 级',
    ],
    ['audit.report_approved', { to: 'approved', from: 'reported' }, '状态：已上报 → 已审核通过'],
    [
      'credit.recorded',
      { status: 'draft', channel: 'self_report', credits: 0.5 },
      '状态：草稿；来源：自主申报；学分：0.5',
    ],
    ['hr_push.enqueued', { kind: 'audit_filed' }, '类型：年度审验备案'],
    [
      'audit.run_finished',
      { runId: 'bd099f5c-d8eb-478b-846f-ce501255d96c', people: 300, compliant: 225 },
      '人数：300；达标人数：225',
    ],
    [
      'award.batch_submitted',
      { to: 'submitted', from: 'draft', newLines: 12, resubmitted: 0 },
      '状态：草稿 → 待审核；新增行数：12；重新提交行数：0',
    ],
    ['person.updated', { fields: ['titleGrade', 'phone'] }, '修改的项目：职称、手机号'],
    [
      'people.exported',
      { filter: { profession: 'nurse', q: '王', sort: 'name' } },
      '筛选条件：专业类别 护士，姓名 王',
    ],
    ['platform.trust_changed', { from: false, to: true }, '受信任：否 → 是'],
    ['card.reissued', { feeFen: 1500 }, '工本费：15.00 元'],
    ['org.updated', { somethingNew: 'x' }, ''],
  ])('%s %j', (action, details, text) => {
    expect(describeDetails(t, { action, details })).toBe(text);
  });

  it('names the command line and the system, and the target by its kind', () => {
    expect(actorText(t, 'cli')).toBe('命令行');
    expect(actorText(t, 'demo-unit-admin')).toBe('demo-unit-admin');
    expect(
      targetText(t, {
        targetType: 'credit_claim',
        targetId: '1ea4f3dc-0000-4000-8000-000000000000',
      }),
    ).toBe('学分 1ea4f3dc…');
  });
});
