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
    auditAndCertificates: 'Audits & certificates',
    certificateRegister: 'Certificate register',
    fraud: 'Fraud handling',
    hrDeliveries: 'HR delivery log',
  },
  home: {
    welcome: 'Hello, {{name}}',
  },
};
