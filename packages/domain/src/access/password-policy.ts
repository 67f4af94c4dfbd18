/**
 * Password policy for MLPS level 3: at least 8 characters, at least three of the four
 * classes (lower case, upper case, digit, symbol), not containing the username.
 */
export type PasswordProblem =
  'too_short' | 'too_long' | 'too_few_classes' | 'contains_username' | 'same_as_current';

export const passwordMinLength = 8;
export const passwordMaxLength = 128;

export function checkPasswordPolicy(
  password: string,
  context: { username?: string; currentPassword?: string } = {},
): PasswordProblem[] {
  const { username, currentPassword } = context;
  const problems: PasswordProblem[] = [];
  if (Array.from(password).length < passwordMinLength) problems.push('too_short');
  if (Array.from(password).length > passwordMaxLength) problems.push('too_long');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password));
  if (classes.length < 3) problems.push('too_few_classes');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  if (currentPassword !== undefined && password === currentPassword)
    problems.push('same_as_current');
  return problems;
}
