import {
  attendanceDashboardSchema,
  auditDashboardSchema,
  awardDashboardSchema,
  projectDashboardSchema,
  reviewDashboardSchema,
  reviewLevelsSchema,
  systemDashboardSchema,
  type AttendanceDashboard,
  type AuditDashboard,
  type AwardDashboard,
  type ProjectDashboard,
  type ReviewDashboard,
  type ReviewLevels,
  type SystemDashboard,
} from '@jijiao/contracts';
import { request } from './client';

/** 工作台: each module's answer, scoped to the caller's subtree on the server. */
export function fetchProjectDashboard(): Promise<ProjectDashboard> {
  return request('GET', '/api/v1/projects/dashboard', projectDashboardSchema);
}

export function fetchAttendanceDashboard(): Promise<AttendanceDashboard> {
  return request('GET', '/api/v1/attendance/dashboard', attendanceDashboardSchema);
}

export function fetchAwardDashboard(): Promise<AwardDashboard> {
  return request('GET', '/api/v1/award-batches/dashboard', awardDashboardSchema);
}

export function fetchReviewDashboard(): Promise<ReviewDashboard> {
  return request('GET', '/api/v1/reviews/dashboard', reviewDashboardSchema);
}

export function fetchReviewLevels(): Promise<ReviewLevels> {
  return request('GET', '/api/v1/reviews/levels', reviewLevelsSchema);
}

export function fetchAuditDashboard(): Promise<AuditDashboard> {
  return request('GET', '/api/v1/audits/dashboard', auditDashboardSchema);
}

export function fetchSystemDashboard(): Promise<SystemDashboard> {
  return request('GET', '/api/v1/system/dashboard', systemDashboardSchema);
}
