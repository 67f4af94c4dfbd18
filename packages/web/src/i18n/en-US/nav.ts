import type { NavMessages } from '../zh-CN/nav';

export const navMessages: NavMessages = {
  nav: {
    home: {
      learner: 'My credits',
      unit_admin: 'Workbench',
      reviewer: 'Workbench',
      host_admin: 'Workbench',
      province_admin: 'Workbench',
      system_admin: 'Administration',
    },
    orgs: 'Organisations',
    orgsAndChains: 'Organisations & review chains',
    people: 'Staff',
    projects: {
      manage: 'Projects',
      mine: 'My projects',
      filing: 'Project filing',
    },
    projectSearch: 'Project search',
    account: 'My account',
    changePassword: 'Change password',
    reviews: 'Review queue',
    myClaims: 'My claims',
    selfReport: 'Report a credit',
    unitProgress: 'Staff progress',
    platforms: 'Platform access',
    auditLog: 'Audit log',
    rules: 'Rules',
    statistics: 'Statistics',
    accounts: 'Accounts',
    creditsImport: 'Import credits',
    checkinQr: 'Check-in code',
    cards: 'CME cards',
  },
  home: {
    welcome: 'Hello, {{name}}',
    organisation: 'Organisation',
    underConstruction:
      'This page is under construction; its data will appear here once the features ship.',
    purpose: {
      learner:
        "This year's progress against each credit requirement, what is missing and why, and every credit with its channel and review status.",
      unit_admin:
        'Staff behind on this year’s credits, claims waiting for the unit’s review, and annual audit deadlines.',
      reviewer:
        'Claims waiting for review at this level, annual audit reports from the units below, and who is late.',
      host_admin:
        'Your CME projects, their sessions and check-in devices, and the execution report after each event.',
      province_admin:
        'Province-wide credit progress and compliance, and the annual audit status of each city.',
      system_admin: 'Users and roles, settings, the audit log and backups.',
    },
  },
};
