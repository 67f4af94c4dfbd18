import { describe, expect, it } from 'vitest';
import { rolePlacementProblem } from './role-placement';

describe('rolePlacementProblem', () => {
  it.each([
    ['province_admin', 'unit_admin', 'unit', null],
    ['province_admin', 'unit_admin', 'city', 'org_kind_mismatch'],
    ['province_admin', 'reviewer', 'district', null],
    ['province_admin', 'reviewer', 'association', null],
    ['province_admin', 'reviewer', 'unit', 'org_kind_mismatch'],
    ['province_admin', 'host_admin', 'host', null],
    ['province_admin', 'host_admin', 'platform', 'org_kind_mismatch'],
    ['province_admin', 'province_admin', 'cme_office', null],
    ['province_admin', 'system_admin', 'province', 'role_not_grantable'],
    ['province_admin', 'learner', 'unit', 'role_not_grantable'],
    ['system_admin', 'system_admin', 'province', null],
    ['system_admin', 'system_admin', 'city', 'org_kind_mismatch'],
    ['system_admin', 'learner', 'unit', 'role_not_grantable'],
    ['unit_admin', 'unit_admin', 'unit', 'role_not_grantable'],
    ['reviewer', 'reviewer', 'city', 'role_not_grantable'],
  ] as const)('%s gives %s at a %s → %s', (caller, role, kind, expected) => {
    expect(rolePlacementProblem(caller, role, kind)).toBe(expected);
  });
});
