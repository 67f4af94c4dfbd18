import { policyPackListSchema, type PolicyPackList } from '@jijiao/contracts';
import { request } from './client';

/** The policy packs the server applies, national first. */
export function listPolicyPacks(): Promise<PolicyPackList> {
  return request('GET', '/api/v1/policy-packs', policyPackListSchema);
}
