import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policyPackListSchema, type PolicyPackView } from '@jijiao/contracts';
import type { PolicyPack, PolicyRegistry } from '@jijiao/domain';

function toView(pack: PolicyPack): PolicyPackView {
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    level: pack.level,
    code: 'code' in pack ? pack.code : null,
    years: pack.years,
    sources: pack.sources,
    rules: pack.rules,
  };
}

/** 规则: the policy packs this server applies, read-only, national first. */
export function registerPolicyRoutes(
  app: FastifyInstance,
  deps: { policies: PolicyRegistry },
): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/policy-packs', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['rules'],
      summary: 'The policy packs in force: places, years, parameters and their sources',
      response: { 200: policyPackListSchema },
    },
    handler: () => ({ items: deps.policies.packs.map(toView) }),
  });
}
