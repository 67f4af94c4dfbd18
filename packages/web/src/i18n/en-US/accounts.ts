import type { AccountsMessages } from '../zh-CN/accounts';

export const accountsMessages: AccountsMessages = {
  accounts: {
    title: 'Accounts',
    create: 'New administrator account',
    createOk: 'Create',
    search: 'Username or name',
    username: 'Username',
    usernameHint: '3–50 letters, digits, dots, dashes or underscores; stored in lower case',
    displayName: 'Name',
    lockedOnly: 'Locked only',
    role: 'Role',
    roles: 'Roles and organisations',
    org: 'Organisation',
    orgHint:
      'Unit admins at a unit; reviewers at a commission, medical association or CME office; host admins at the host',
    status: 'Status',
    active: 'Active',
    mustChange: 'Must change the initial password',
    lockedUntil: 'Locked until {{at}}',
    createdAt: 'Created',
    reset: 'Reset password',
    resetConfirm: 'Issue a new one-time password for {{username}}? Their sessions will all end.',
    resetTwoFactor: 'Reset two-factor',
    resetTwoFactorConfirm:
      'Has {{username}} lost their authenticator and recovery codes? Their app and recovery codes are removed and all their sessions end; where their role requires two factors, they enrol a new app at their next sign-in.',
    twoFactorReset: 'Two-factor sign-in of {{username}} reset',
    unlock: 'Unlock',
    unlocked: 'Unlocked',
    passwordTitle: 'One-time password of {{username}}',
    passwordOnce:
      'This password is shown only once: hand it over by a safe channel. It must be changed at the first sign-in.',
    passwordDone: 'I have noted it',
  },
};
