import type { PlatformsMessages } from '../zh-CN/platforms';

export const platformsMessages: PlatformsMessages = {
  platforms: {
    title: 'Platform access',
    intro:
      'Online education platforms push their learners’ completed credits through the open API (POST /api/v1/provider/credits), authenticated by an API key. A key is shown once, when issued; only its digest is kept.',
    none: 'No online platform in this province yet. Add an organisation of kind “platform” under Organisations first.',
    trusted: 'Trusted',
    trustedHint: 'Credits from this platform are effective at once, without review.',
    untrustedHint: 'Credits from this platform go into the review chain of the learner’s unit.',
    issue: 'Issue key',
    issueTitle: 'Issue an API key for {{name}}',
    keyLabel: 'Purpose',
    keyLabelPlaceholder: 'e.g. production',
    keyPrefix: 'Key prefix',
    createdAt: 'Issued',
    keyStatus: 'Status',
    active: 'Active',
    revokedAt: 'Revoked {{at}}',
    revoke: 'Revoke',
    revokeConfirm: 'The key stops working at once. Revoke it?',
    revoked: 'Key revoked',
    noKeys: 'No keys issued yet',
    secretTitle: 'New API key',
    secretOnce: 'Copy this key now and keep it safe: it cannot be shown again once closed.',
    secretDone: 'I have saved it',
  },
};
