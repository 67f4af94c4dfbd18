import type { ComponentType } from 'react';
import type { RouteIconName } from './layouts/route-icons';
import type { Role } from '@jijiao/contracts';
import type { RouteRule } from './access';
import type { MessageKey } from './i18n/message-key';
import { orgsLabel, projectsLabel } from './nav-labels';
import { homeLabel } from './pages/home/home-title';

type RoleLabel = MessageKey | ((role: Role) => MessageKey);

/**
 * The route tree and the menu in one place. A node with `path` is a page; a node with
 * `children` is a menu group (审核, 审验与证书, 人员与机构…), shown as a heading over its
 * entries. `menu` absent: reachable by URL but not in the menu; such a page names itself
 * with `title` and the list it belongs to with `parent`, which the page header's
 * breadcrumb links back to (group › list › this page). Pages load lazily, so each page is
 * its own chunk. No two entries one role sees share an icon (routes.test.ts).
 */
export interface AppRoute {
  key: string;
  path?: string;
  rule?: RouteRule;
  menu?: {
    label: RoleLabel;
    /** Drawn by the menu (layouts/route-icons.tsx): the start-up bundle carries no icon. */
    icon?: RouteIconName;
    /** Only these roles see the entry; others may still open the page by URL. */
    roles?: readonly Role[];
  };
  /** The page's name where it has no menu entry (its header and breadcrumb). */
  title?: RoleLabel;
  /** The key of the list page this page is opened from; per role where that differs. */
  parent?: string | ((role: Role) => string);
  load?: () => Promise<ComponentType>;
  children?: readonly AppRoute[];
}

export const appRoutes: readonly AppRoute[] = [
  {
    key: 'home',
    path: '/',
    rule: { permission: 'authenticated' },
    menu: { label: homeLabel, icon: 'HomeOutlined' },
    load: () => import('./pages/home/RoleHome').then((m) => m.RoleHome),
  },
  // A learner's own pages, one level: the phone's tab bar holds most of them.
  {
    key: 'credit-report',
    path: '/credits/new',
    rule: { permission: 'credit:submit_own' },
    menu: { label: 'nav.selfReport', icon: 'FormOutlined', roles: ['learner'] },
    load: () => import('./pages/credits/report').then((m) => m.SelfReportPage),
  },
  {
    key: 'my-claims',
    path: '/credits',
    rule: { permission: 'credit:read_own' },
    menu: { label: 'nav.myClaims', icon: 'UnorderedListOutlined', roles: ['learner'] },
    load: () => import('./pages/credits/mine').then((m) => m.MyClaimsPage),
  },
  {
    key: 'credit-edit',
    path: '/credits/:id/edit',
    rule: { permission: 'credit:submit_own' },
    title: 'selfReport.editTitle',
    parent: 'my-claims',
    load: () => import('./pages/credits/report').then((m) => m.CorrectClaimPage),
  },
  {
    key: 'my-certificates',
    path: '/me/certificates',
    rule: { permission: 'certificate:read_own' },
    menu: { label: 'nav.myCertificates', icon: 'FileProtectOutlined', roles: ['learner'] },
    load: () => import('./pages/certificates/mine').then((m) => m.MyCertificatesPage),
  },
  {
    // Filed projects are public (also at /public/projects without signing in); in the menu
    // of learners, who check there whether a project they attended was filed.
    key: 'project-search',
    path: '/projects/search',
    rule: { permission: 'authenticated' },
    menu: { label: 'nav.projectSearch', icon: 'SearchOutlined', roles: ['learner'] },
    load: () => import('./pages/projects/search').then((m) => m.ProjectSearchPage),
  },
  {
    // A learner's rotating check-in QR code, shown on their phone at a kiosk.
    key: 'checkin-qr',
    path: '/me/checkin-qr',
    rule: { permission: 'card:own' },
    menu: { label: 'nav.checkinQr', icon: 'QrcodeOutlined', roles: ['learner'] },
    load: () => import('./pages/checkin-qr').then((m) => m.CheckinQrPage),
  },
  {
    key: 'review-group',
    menu: { label: 'frame.group.review' },
    children: [
      {
        key: 'reviews',
        path: '/reviews',
        rule: { permission: 'credit:review' },
        menu: { label: 'nav.reviews', icon: 'AuditOutlined' },
        load: () => import('./pages/reviews/queue').then((m) => m.ReviewQueuePage),
      },
      {
        key: 'award-reviews',
        path: '/award-reviews',
        rule: { permission: 'award:review' },
        menu: { label: 'awards.navReviews', icon: 'CheckSquareOutlined' },
        load: () => import('./pages/awards/reviews').then((m) => m.AwardReviewListPage),
      },
    ],
  },
  {
    key: 'project-group',
    menu: { label: 'frame.group.projects' },
    children: [
      {
        key: 'projects',
        path: '/projects',
        rule: { permission: 'project:read' },
        menu: { label: projectsLabel, icon: 'ProjectOutlined' },
        load: () => import('./pages/projects/list').then((m) => m.ProjectListPage),
      },
      {
        key: 'projects-import',
        path: '/projects/import',
        rule: { permission: 'project:manage' },
        title: 'imports.projectsTitle',
        parent: 'projects',
        load: () => import('./pages/projects/import').then((m) => m.ProjectImportPage),
      },
      {
        key: 'project-checkin',
        path: '/projects/:id/checkin',
        rule: { permission: 'project:manage' },
        title: 'checkin.title',
        parent: 'projects',
        load: () => import('./pages/projects/checkin').then((m) => m.ProjectCheckinPage),
      },
      {
        key: 'project-awards',
        path: '/projects/:id/awards',
        rule: { permission: 'award:manage' },
        title: 'frame.title.projectAwards',
        parent: 'projects',
        load: () => import('./pages/awards/project').then((m) => m.ProjectAwardsPage),
      },
      {
        key: 'award-batches',
        path: '/awards',
        rule: { permission: 'award:manage' },
        menu: { label: 'awards.navBatches', icon: 'ContainerOutlined', roles: ['host_admin'] },
        load: () => import('./pages/awards/batches').then((m) => m.AwardBatchListPage),
      },
      {
        // Hosts open their batches from 授予批次; the province reviews them from 授予审核.
        key: 'award-batch',
        path: '/awards/:id',
        rule: { permission: 'authenticated' },
        title: 'frame.title.awardBatch',
        parent: (role) => (role === 'host_admin' ? 'award-batches' : 'award-reviews'),
        load: () => import('./pages/awards/batch').then((m) => m.AwardBatchPage),
      },
      {
        key: 'award-roster',
        path: '/awards/:id/roster',
        rule: { permission: 'award:manage' },
        title: 'awards.rosterTitle',
        parent: 'award-batches',
        load: () => import('./pages/awards/roster').then((m) => m.AwardRosterImportPage),
      },
    ],
  },
  {
    // 审验与证书: the annual audit, the certificates it issues, fraud voiding and the HR
    // platform those changes are told to.
    key: 'audit-and-certificates',
    menu: { label: 'nav.auditAndCertificates' },
    children: [
      {
        key: 'audit-manage',
        path: '/audit/manage',
        rule: { permission: 'audit:manage' },
        menu: { label: 'audit.nav.manage', icon: 'ScheduleOutlined', roles: ['province_admin'] },
        load: () => import('./pages/audit/manage').then((m) => m.AuditManagePage),
      },
      {
        key: 'calendar',
        path: '/calendar',
        rule: { permission: 'audit:manage' },
        menu: { label: 'calendar.nav', icon: 'CalendarOutlined', roles: ['province_admin'] },
        load: () => import('./pages/calendar').then((m) => m.CalendarPage),
      },
      {
        key: 'audit-unit',
        path: '/audit/unit',
        rule: { permission: 'audit:report' },
        menu: { label: 'audit.nav.unit', icon: 'SolutionOutlined', roles: ['unit_admin'] },
        load: () => import('./pages/audit/unit').then((m) => m.AuditUnitPage),
      },
      {
        key: 'audit-review',
        path: '/audit/review',
        rule: { permission: 'audit:review' },
        menu: {
          label: 'audit.nav.review',
          icon: 'FileDoneOutlined',
          roles: ['reviewer', 'province_admin'],
        },
        load: () => import('./pages/audit/review').then((m) => m.AuditReviewPage),
      },
      {
        key: 'certificate-register',
        path: '/certificates',
        rule: { permission: 'certificate:read' },
        menu: {
          label: 'nav.certificateRegister',
          icon: 'SafetyCertificateOutlined',
          roles: ['province_admin', 'unit_admin'],
        },
        load: () => import('./pages/certificate-register').then((m) => m.CertificateRegisterPage),
      },
      {
        key: 'fraud',
        path: '/fraud',
        rule: { permission: 'audit:manage' },
        menu: { label: 'nav.fraud', icon: 'StopOutlined', roles: ['province_admin'] },
        load: () => import('./pages/fraud').then((m) => m.FraudPage),
      },
      {
        key: 'hr-deliveries',
        path: '/hr-deliveries',
        rule: { permission: 'hr_push:manage' },
        menu: { label: 'nav.hrDeliveries', icon: 'SendOutlined', roles: ['province_admin'] },
        load: () => import('./pages/hr-deliveries').then((m) => m.HrDeliveriesPage),
      },
    ],
  },
  {
    key: 'people-and-orgs',
    menu: { label: 'frame.group.peopleAndOrgs' },
    children: [
      {
        key: 'people',
        path: '/people',
        rule: { permission: 'person:read' },
        menu: { label: 'nav.people', icon: 'TeamOutlined' },
        load: () => import('./pages/people/list').then((m) => m.PeopleListPage),
      },
      {
        key: 'people-import',
        path: '/people/import',
        rule: { permission: 'person:manage' },
        title: 'imports.peopleTitle',
        parent: 'people',
        load: () => import('./pages/people/import').then((m) => m.PeopleImportPage),
      },
      {
        key: 'unit-progress',
        path: '/progress',
        rule: { permission: 'person:read' },
        menu: {
          label: 'nav.unitProgress',
          icon: 'LineChartOutlined',
          roles: ['unit_admin', 'reviewer', 'province_admin'],
        },
        load: () => import('./pages/progress/list').then((m) => m.UnitProgressPage),
      },
      {
        key: 'person-year',
        path: '/progress/people/:id',
        rule: { permission: 'person:read' },
        title: 'frame.title.personYear',
        parent: 'unit-progress',
        load: () => import('./pages/progress/person').then((m) => m.PersonYearPage),
      },
      {
        key: 'statistics',
        path: '/statistics',
        rule: { permission: 'person:read' },
        menu: {
          label: 'nav.statistics',
          icon: 'BarChartOutlined',
          roles: ['unit_admin', 'reviewer', 'province_admin'],
        },
        load: () => import('./pages/statistics').then((m) => m.StatisticsPage),
      },
      {
        key: 'cards',
        path: '/cards',
        // Card officers of units (card:manage) and bureaus (card:issue).
        rule: { permission: 'authenticated', roles: ['unit_admin', 'reviewer', 'province_admin'] },
        menu: {
          label: 'nav.cards',
          icon: 'CreditCardOutlined',
          roles: ['unit_admin', 'reviewer', 'province_admin'],
        },
        load: () => import('./pages/cards').then((m) => m.CardsPage),
      },
      {
        key: 'cards-import',
        path: '/cards/import',
        rule: { permission: 'card:issue' },
        title: 'cards.importTitle',
        parent: 'cards',
        load: () => import('./pages/cards/import').then((m) => m.CardsImportPage),
      },
      {
        key: 'orgs',
        path: '/orgs',
        rule: { permission: 'org:read' },
        menu: { label: orgsLabel, icon: 'ApartmentOutlined' },
        load: () => import('./pages/orgs/list').then((m) => m.OrgListPage),
      },
    ],
  },
  {
    // A unit's own entry of its staff's credits.
    key: 'credit-entry',
    menu: { label: 'frame.group.creditEntry' },
    children: [
      {
        key: 'credits-bulk',
        path: '/credits/bulk',
        rule: { permission: 'credit:enter', roles: ['unit_admin'] },
        menu: { label: 'bulkEntry.nav', icon: 'TableOutlined', roles: ['unit_admin'] },
        load: () => import('./pages/credits/bulk').then((m) => m.BulkEntryPage),
      },
      {
        key: 'credits-import',
        path: '/credits/import',
        rule: { permission: 'credit:enter' },
        menu: { label: 'nav.creditsImport', icon: 'CloudUploadOutlined', roles: ['unit_admin'] },
        load: () => import('./pages/credits/import').then((m) => m.CreditsImportPage),
      },
    ],
  },
  {
    key: 'system',
    menu: { label: 'frame.group.system' },
    children: [
      {
        key: 'accounts',
        path: '/accounts',
        rule: { permission: 'user:manage' },
        menu: { label: 'nav.accounts', icon: 'IdcardOutlined' },
        load: () => import('./pages/accounts').then((m) => m.AccountsPage),
      },
      {
        key: 'platforms',
        path: '/platforms',
        rule: { permission: 'platform:manage' },
        menu: { label: 'nav.platforms', icon: 'ApiOutlined' },
        load: () => import('./pages/platforms').then((m) => m.PlatformsPage),
      },
      {
        key: 'backups',
        path: '/system/backups',
        rule: { permission: 'system:monitor' },
        menu: { label: 'nav.backups', icon: 'DatabaseOutlined', roles: ['system_admin'] },
        load: () => import('./pages/backups').then((m) => m.BackupsPage),
      },
      {
        key: 'notification-deliveries',
        path: '/system/notifications',
        rule: { permission: 'system:monitor' },
        menu: {
          label: 'nav.notificationDeliveries',
          icon: 'SendOutlined',
          roles: ['system_admin'],
        },
        load: () =>
          import('./pages/notification-deliveries').then((m) => m.NotificationDeliveriesPage),
      },
      {
        key: 'audit-log',
        path: '/audit-log',
        rule: { permission: 'audit_log:read' },
        menu: { label: 'nav.auditLog', icon: 'FileSearchOutlined' },
        load: () => import('./pages/audit-log').then((m) => m.AuditLogPage),
      },
      {
        key: 'rules',
        path: '/rules',
        rule: { permission: 'authenticated' },
        menu: {
          label: 'nav.rules',
          icon: 'BookOutlined',
          roles: ['unit_admin', 'reviewer', 'province_admin'],
        },
        load: () => import('./pages/rules').then((m) => m.RulesPage),
      },
    ],
  },
  {
    key: 'account',
    menu: { label: 'nav.account' },
    children: [
      {
        key: 'notifications',
        path: '/notifications',
        rule: { permission: 'authenticated' },
        menu: { label: 'nav.notifications', icon: 'BellOutlined' },
        load: () => import('./pages/notifications').then((m) => m.NotificationsPage),
      },
      {
        key: 'account-notifications',
        path: '/account/notifications',
        rule: { permission: 'authenticated' },
        menu: { label: 'nav.notificationSettings', icon: 'NotificationOutlined' },
        load: () => import('./pages/account/notifications').then((m) => m.NotificationSettingsPage),
      },
      {
        key: 'account-password',
        path: '/account/password',
        rule: { permission: 'authenticated' },
        menu: { label: 'nav.changePassword', icon: 'KeyOutlined' },
        load: () => import('./pages/account/password').then((m) => m.ChangePasswordPage),
      },
      {
        key: 'account-two-factor',
        path: '/account/two-factor',
        rule: { permission: 'authenticated' },
        menu: { label: 'nav.security', icon: 'SafetyOutlined' },
        load: () => import('./pages/account/two-factor').then((m) => m.TwoFactorPage),
      },
    ],
  },
];

/** Every page of the tree, depth first. */
export function flattenPages(nodes: readonly AppRoute[]): AppRoute[] {
  return nodes.flatMap((node) => [
    ...(node.path ? [node] : []),
    ...flattenPages(node.children ?? []),
  ]);
}

/** The menu label of a route for a role; undefined when the role has no menu entry for it. */
export function menuLabelKey(route: AppRoute, role: Role): MessageKey | undefined {
  if (route.menu?.roles !== undefined && !route.menu.roles.includes(role)) return undefined;
  const label = route.menu?.label;
  return typeof label === 'function' ? label(role) : label;
}
