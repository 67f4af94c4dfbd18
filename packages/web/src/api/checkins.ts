import {
  checkinDeviceCreatedSchema,
  checkinDeviceSchema,
  projectAttendanceSchema,
  projectSessionSchema,
  type AttendanceRuleInput,
  type CheckinDevice,
  type CheckinDeviceCreated,
  type ProjectAttendance,
  type ProjectSession,
  type ProjectSessionCreate,
} from '@jijiao/contracts';
import { ignoreBody, request } from './client';

const projectPath = (id: string) => `/api/v1/projects/${encodeURIComponent(id)}`;

export function listSessions(projectId: string): Promise<ProjectSession[]> {
  return request('GET', `${projectPath(projectId)}/sessions`, projectSessionSchema.array());
}

export function createSession(
  projectId: string,
  body: ProjectSessionCreate,
): Promise<ProjectSession> {
  return request('POST', `${projectPath(projectId)}/sessions`, projectSessionSchema, { body });
}

export function deleteSession(projectId: string, sessionId: string): Promise<void> {
  return request(
    'DELETE',
    `${projectPath(projectId)}/sessions/${encodeURIComponent(sessionId)}`,
    ignoreBody,
  );
}

export function listDevices(projectId: string): Promise<CheckinDevice[]> {
  return request('GET', `${projectPath(projectId)}/devices`, checkinDeviceSchema.array());
}

export function createDevice(projectId: string, name: string): Promise<CheckinDeviceCreated> {
  return request('POST', `${projectPath(projectId)}/devices`, checkinDeviceCreatedSchema, {
    body: { name },
  });
}

export function revokeDevice(deviceId: string): Promise<void> {
  return request(
    'POST',
    `/api/v1/checkin-devices/${encodeURIComponent(deviceId)}/revoke`,
    ignoreBody,
  );
}

export function fetchAttendance(projectId: string): Promise<ProjectAttendance> {
  return request('GET', `${projectPath(projectId)}/attendance`, projectAttendanceSchema);
}

export function setAttendanceRule(
  projectId: string,
  rule: AttendanceRuleInput,
): Promise<ProjectAttendance> {
  return request('PUT', `${projectPath(projectId)}/attendance-rule`, projectAttendanceSchema, {
    body: rule,
  });
}
