import {
  platformKeyIssuedSchema,
  platformKeySchema,
  platformListSchema,
  platformSchema,
  type ImportReport,
} from '@jijiao/contracts';
import { request } from './client';
import { downloadFile, uploadImport } from './imports';

const platformPath = (id: string) => `/api/v1/platforms/${encodeURIComponent(id)}`;

export function listPlatforms() {
  return request('GET', '/api/v1/platforms', platformListSchema);
}

/** A new API key: the answer holds the secret, shown once and never again. */
export function issuePlatformKey(platformId: string, label: string) {
  return request('POST', `${platformPath(platformId)}/keys`, platformKeyIssuedSchema, {
    body: { label },
  });
}

export function revokePlatformKey(platformId: string, keyId: string) {
  return request(
    'POST',
    `${platformPath(platformId)}/keys/${encodeURIComponent(keyId)}/revoke`,
    platformKeySchema,
  );
}

export function setPlatformTrusted(platformId: string, trusted: boolean) {
  return request('PUT', `${platformPath(platformId)}/trusted`, platformSchema, {
    body: { trusted },
  });
}

export function downloadCreditsTemplate() {
  return downloadFile('/api/v1/credits/template.xlsx', undefined, '学分导入模板.xlsx');
}

export function importCredits(
  unitId: string,
  file: Blob,
  fileName: string,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  return uploadImport(
    `/api/v1/units/${encodeURIComponent(unitId)}/credits/import`,
    file,
    fileName,
    options,
  );
}
