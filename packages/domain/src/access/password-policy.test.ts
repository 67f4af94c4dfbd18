import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy';

describe('checkPasswordPolicy', () => {
  it.each([
    ['Jijiao@2026', undefined, []],
    ['abcDEF12', undefined, []],
    ['abc!1234', undefined, []],
    ['Abc@12', undefined, ['too_short']],
    ['abcdefgh1', undefined, ['too_few_classes']],
    ['ABCDEFGH', undefined, ['too_few_classes']],
    ['Zhangsan@2026', 'zhangsan', ['contains_username']],
    ['短密码', undefined, ['too_short', 'too_few_classes']],
  ] as const)('%s → %j', (password, username, problems) => {
    expect(checkPasswordPolicy(password, { username })).toEqual(problems);
  });

  it('refuses the current password as the new one', () => {
    expect(checkPasswordPolicy('Jijiao@2026', { currentPassword: 'Jijiao@2026' })).toEqual([
      'same_as_current',
    ]);
  });
});
