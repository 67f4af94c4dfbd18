import { describe, expect, it } from 'vitest';
import { issueMessage, issuesByField } from './server-issues';

describe('issueMessage', () => {
  it('shows a message the server wrote for people', () => {
    expect(issueMessage('校验位错误', '统一社会信用代码填写有误')).toBe('校验位错误');
  });

  it('replaces a developer-facing schema message with one naming the field', () => {
    expect(issueMessage('must be an 11-digit mobile number', '手机号填写有误')).toBe(
      '手机号填写有误',
    );
  });
});

describe('issuesByField', () => {
  it('groups issues under the form field their path starts with', () => {
    const { byField, unmatched } = issuesByField(
      [
        { path: 'creditCode', message: '校验位错误' },
        { path: 'steps.2', message: 'duplicate' },
        { path: 'steps.3', message: 'duplicate' },
        { path: 'parentId', message: 'not in scope' },
        { path: '', message: 'body' },
      ],
      ['creditCode', 'steps', 'name'] as const,
    );
    expect(Object.fromEntries(byField)).toEqual({
      creditCode: ['校验位错误'],
      steps: ['duplicate', 'duplicate'],
    });
    expect(unmatched.map((i) => i.path)).toEqual(['parentId', '']);
  });
});
