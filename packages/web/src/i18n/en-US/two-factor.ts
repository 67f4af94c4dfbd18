import type { TwoFactorMessages } from '../zh-CN/two-factor';

export const twoFactorMessages: TwoFactorMessages = {
  twoFactor: {
    title: 'Two-step verification',
    intro:
      'Besides your password, signing in asks for the 6-digit code of an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, Tencent Authenticator…).',
    required:
      'Your role signs in with two-step verification. Until it is set up, only this page is available.',
    statusOn: 'On',
    statusOff: 'Off',
    statusLabel: 'Status',
    enabledSince: 'On since',
    recoveryLeft: 'Recovery codes left',
    recoveryLeftValue: '{{count}}',
    requiredLabel: 'Required',
    requiredYes: 'Required for your role',
    requiredNo: 'Optional',
    setUp: 'Set up two-step verification',
    replace: 'Replace the authenticator app',
    disable: 'Turn off two-step verification',
    disabled: 'Two-step verification is off',
    proofTitle: 'Confirm with a code of your current authenticator app (or a recovery code)',
    proofCode: 'Current code or recovery code',
    proofRequired: 'Enter a code or a recovery code',
    continue: 'Continue',
    cancel: 'Cancel',
    stepScan: 'Step 1: scan the QR code with your authenticator app',
    qrAlt: 'QR code to set up two-step verification',
    manualEntry:
      'Cannot scan? Enter this key in the app by hand (time-based, 6 digits, 30 seconds):',
    secretLabel: 'Key',
    stepConfirm: 'Step 2: enter the 6-digit code the app shows',
    code: 'Code',
    codeRequired: 'Enter the 6-digit code',
    confirm: 'Turn on',
    enrolled: 'Two-step verification is on',
    recoveryTitle: 'Save your recovery codes',
    recoveryDetail:
      'If you lose your phone, a recovery code signs you in instead of a code. Each works once, and they are shown only now: print them or keep them somewhere safe.',
    copy: 'Copy the codes',
    copied: 'Copied',
    download: 'Download the codes',
    downloadName: 'jijiao-recovery-codes.txt',
    done: 'I have saved them, continue',
  },
};
