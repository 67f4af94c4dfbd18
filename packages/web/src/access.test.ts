import { describe, expect, it } from 'vitest';
import {
  permissionsOf,
  rolePermissions,
  roles,
  type Role,
  type RoleGrant,
} from '@jijiao/contracts';
import { accessOf, canOpen, filterTree, pickActiveGrant, type ActiveAccess } from './access';
import { appRoutes, flattenPages, menuLabelKey, type AppRoute } from './routes';
import { lookupMessage } from './i18n/message-key';
import { zhCN } from './i18n/zh-CN';

/** A user holding exactly one role, with the permissions the server would grant. */
const accessFor = (role: Role): ActiveAccess =>
  accessOf({ permissions: permissionsOf([role]) }, role);

/** The menu as a user sees it: Chinese labels, groups as `group > item`. */
function menuLabels(nodes: readonly AppRoute[], role: Role, prefix = ''): string[] {
  return nodes.flatMap((node) => {
    const key = menuLabelKey(node, role);
    if (key === undefined) return [];
    const label = prefix + (lookupMessage(zhCN, key) ?? `?${key}`);
    return node.children ? menuLabels(node.children, role, `${label} > `) : [label];
  });
}

describe('menu per role', () => {
  it.each<[Role, string[]]>([
    [
      'learner',
      [
        '我的学分',
        '学分申报',
        '申报记录',
        '我的证书',
        '项目查询',
        '签到码',
        '我的账户 > 通知',
        '我的账户 > 通知设置',
        '我的账户 > 修改密码',
        '我的账户 > 两步验证',
      ],
    ],
    [
      'unit_admin',
      [
        '工作台',
        '审核 > 审核队列',
        '审验与证书 > 本单位审验',
        '审验与证书 > 证书登记',
        '人员与机构 > 人员管理',
        '人员与机构 > 人员学分进度',
        '人员与机构 > 统计报表',
        '人员与机构 > 继教卡',
        '人员与机构 > 机构',
        '学分录入 > 批量录入',
        '学分录入 > 导入学分',
        '系统 > 规则',
        '我的账户 > 通知',
        '我的账户 > 通知设置',
        '我的账户 > 修改密码',
        '我的账户 > 两步验证',
      ],
    ],
    [
      'reviewer',
      [
        '工作台',
        '审核 > 审核队列',
        '项目 > 项目管理',
        '审验与证书 > 审验审核',
        '人员与机构 > 人员管理',
        '人员与机构 > 人员学分进度',
        '人员与机构 > 统计报表',
        '人员与机构 > 继教卡',
        '人员与机构 > 机构',
        '系统 > 规则',
        '我的账户 > 通知',
        '我的账户 > 通知设置',
        '我的账户 > 修改密码',
        '我的账户 > 两步验证',
      ],
    ],
    [
      'host_admin',
      [
        '工作台',
        '项目 > 我的项目',
        '项目 > 授予批次',
        '人员与机构 > 机构',
        '我的账户 > 通知',
        '我的账户 > 通知设置',
        '我的账户 > 修改密码',
        '我的账户 > 两步验证',
      ],
    ],
    [
      'province_admin',
      [
        '工作台',
        '审核 > 审核队列',
        '审核 > 授予审核',
        '项目 > 项目备案',
        '审验与证书 > 审验管理',
        '审验与证书 > 年度日历',
        '审验与证书 > 审验审核',
        '审验与证书 > 证书登记',
        '审验与证书 > 作弊处理',
        '审验与证书 > 人社投递记录',
        '人员与机构 > 人员管理',
        '人员与机构 > 人员学分进度',
        '人员与机构 > 统计报表',
        '人员与机构 > 继教卡',
        '人员与机构 > 机构与审核链',
        '系统 > 账号管理',
        '系统 > 平台接入',
        '系统 > 审计日志',
        '系统 > 规则',
        '我的账户 > 通知',
        '我的账户 > 通知设置',
        '我的账户 > 修改密码',
        '我的账户 > 两步验证',
      ],
    ],
    [
      'system_admin',
      [
        '系统管理',
        '人员与机构 > 人员管理',
        '人员与机构 > 机构与审核链',
        '系统 > 账号管理',
        '系统 > 数据备份',
        '系统 > 通知投递记录',
        '系统 > 审计日志',
        '我的账户 > 通知',
        '我的账户 > 通知设置',
        '我的账户 > 修改密码',
        '我的账户 > 两步验证',
      ],
    ],
  ])('%s sees %j', (role, expected) => {
    expect(menuLabels(filterTree(appRoutes, accessFor(role)), role)).toEqual(expected);
  });

  it('covers every role', () => {
    expect([...roles].sort()).toEqual(
      ['learner', 'unit_admin', 'reviewer', 'host_admin', 'province_admin', 'system_admin'].sort(),
    );
  });
});

describe('canOpen', () => {
  const pages = new Map(flattenPages(appRoutes).map((r) => [r.path!, r.rule!] as const));

  it.each<[string, Role, boolean]>([
    ['/', 'learner', true],
    ['/orgs', 'learner', false],
    ['/orgs', 'reviewer', true],
    ['/orgs', 'host_admin', true],
    ['/account/password', 'learner', true],
    ['/account/password', 'system_admin', true],
    // 人员管理: unit admins and the province manage, reviewers and system admins read.
    ['/people', 'learner', false],
    ['/people', 'unit_admin', true],
    ['/people', 'reviewer', true],
    ['/people', 'host_admin', false],
    ['/people', 'province_admin', true],
    ['/people', 'system_admin', true],
    ['/people/import', 'unit_admin', true],
    ['/people/import', 'province_admin', true],
    ['/people/import', 'reviewer', false],
    ['/people/import', 'system_admin', false],
    // Projects: hosts manage, the province files, reviewers read.
    ['/projects', 'learner', false],
    ['/projects', 'unit_admin', false],
    ['/projects', 'reviewer', true],
    ['/projects', 'host_admin', true],
    ['/projects', 'province_admin', true],
    ['/projects', 'system_admin', false],
    ['/projects/import', 'host_admin', true],
    ['/projects/import', 'province_admin', false],
    ['/projects/import', 'reviewer', false],
    // The filed-project search is public; signed in, every role may open it.
    ['/projects/search', 'learner', true],
    ['/projects/search', 'unit_admin', true],
    ['/projects/search', 'system_admin', true],
    // Credits: learners report and correct their own; staff progress for those who read people.
    ['/credits/new', 'learner', true],
    ['/credits/new', 'unit_admin', false],
    ['/credits', 'learner', true],
    ['/credits/:id/edit', 'learner', true],
    ['/progress', 'learner', false],
    ['/progress', 'unit_admin', true],
    ['/progress', 'reviewer', true],
    ['/progress/people/:id', 'unit_admin', true],
    ['/progress/people/:id', 'host_admin', false],
    // Platform keys: the province only; credit imports: whoever enters credits for staff.
    ['/platforms', 'province_admin', true],
    ['/platforms', 'unit_admin', false],
    ['/platforms', 'system_admin', false],
    ['/credits/import', 'unit_admin', true],
    ['/credits/import', 'reviewer', false],
    ['/credits/import', 'learner', false],
    // Cards: units' card officers and the bureaus; blank-card intake for bureaus only.
    ['/cards', 'unit_admin', true],
    ['/cards', 'reviewer', true],
    ['/cards', 'province_admin', true],
    ['/cards', 'learner', false],
    ['/cards', 'host_admin', false],
    ['/cards/import', 'reviewer', true],
    ['/cards/import', 'province_admin', true],
    ['/cards/import', 'unit_admin', false],
  ])('%s for %s → %s', (path, role, allowed) => {
    expect(canOpen(pages.get(path)!, accessFor(role))).toBe(allowed);
  });

  it('puts the project search in the learner menu only, but opens it for everyone', () => {
    const search = flattenPages(appRoutes).find((r) => r.path === '/projects/search')!;
    expect(menuLabelKey(search, 'learner')).toBe('nav.projectSearch');
    for (const role of roles.filter((r) => r !== 'learner'))
      expect(menuLabelKey(search, role), role).toBeUndefined();
  });

  it('lets nobody signed out open anything but public routes', () => {
    expect(canOpen({ permission: 'authenticated' }, null)).toBe(false);
    expect(canOpen({ permission: 'org:read' }, null)).toBe(false);
    expect(canOpen({ permission: 'public' }, null)).toBe(true);
  });

  it('honours a role restriction on top of the permission', () => {
    const rule = { permission: 'org:read', roles: ['province_admin'] } as const;
    expect(canOpen(rule, accessFor('province_admin'))).toBe(true);
    expect(canOpen(rule, accessFor('system_admin'))).toBe(false);
  });
});

describe('accessOf', () => {
  it('takes the active role only, not the union of all roles held', () => {
    const me = { permissions: permissionsOf(['learner', 'province_admin']) };
    expect(accessOf(me, 'learner').permissions).toEqual(new Set(rolePermissions.learner));
    expect(accessOf(me, 'learner').permissions.has('org:manage')).toBe(false);
    expect(accessOf(me, 'province_admin').permissions.has('org:manage')).toBe(true);
  });

  it('never grants what the server did not', () => {
    expect(accessOf({ permissions: [] }, 'system_admin').permissions.size).toBe(0);
  });
});

describe('pickActiveGrant', () => {
  const grant = (role: Role, orgId: string): RoleGrant => ({
    role,
    orgId,
    orgName: orgId,
    orgKind: 'unit',
  });
  const a = grant('reviewer', '00000000-0000-4000-8000-00000000000a');
  const b = grant('learner', '00000000-0000-4000-8000-00000000000b');

  it.each<[string, string | null, RoleGrant | null, readonly RoleGrant[]]>([
    ['the remembered grant', `learner@${b.orgId}`, b, [a, b]],
    ['the first grant when nothing is remembered', null, a, [a, b]],
    ['the first grant when the remembered one was revoked', `learner@${a.orgId}`, a, [a, b]],
    ['null when the user holds no role', null, null, []],
  ])('picks %s', (_label, stored, expected, grants) => {
    expect(pickActiveGrant(grants, stored)).toEqual(expected);
  });
});
