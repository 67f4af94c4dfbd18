import type { AuthMessages } from '../zh-CN/auth';

export const authMessages: AuthMessages = {
  login: {
    heading: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    publicSearch: 'Search filed CME projects (no sign-in needed)',
    secondFactorHeading: 'Two-step verification',
    secondFactorHint:
      'Open the authenticator app on your phone and enter the 6-digit code it shows.',
    code: 'Code',
    codeRequired: 'Enter the 6-digit code',
    recoveryHint:
      'Without your authenticator app, enter one of the recovery codes you saved (each works once).',
    recoveryCode: 'Recovery code',
    recoveryCodeRequired: 'Enter a recovery code',
    useRecoveryCode: 'Use a recovery code',
    useAuthenticator: 'Use the authenticator app',
    verify: 'Verify and sign in',
    back: 'Back to sign-in',
  },
  password: {
    title: 'Change password',
    forced: 'You are using an initial or reset password. Change it before you continue.',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm new password',
    submit: 'Change password',
    currentRequired: 'Enter your current password',
    newRequired: 'Enter a new password',
    confirmRequired: 'Enter the new password again',
    mismatch: 'The two new passwords do not match',
    wrongCurrent: 'The current password is wrong.',
    success: 'Password changed',
    policyTitle: 'Password rules',
    policyLength: '{{min}}–{{max}} characters;',
    policyClasses: 'at least 3 of: lower-case letters, upper-case letters, digits, symbols;',
    policyUsername: 'must not contain the username or equal the current password.',
    problemsTitle: 'The new password breaks the rules:',
    problem: {
      too_short: 'Too short: at least {{min}} characters.',
      too_long: 'Too long: at most {{max}} characters.',
      too_few_classes:
        'Use at least 3 of: lower-case letters, upper-case letters, digits, symbols.',
      contains_username: 'The password must not contain the username.',
      same_as_current: 'The new password must differ from the current one.',
    },
  },
};
