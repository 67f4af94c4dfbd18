import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  idParamsSchema,
  staffLookupResultSchema,
  staffLookupSchema,
  type StaffLookupResult,
} from '@jijiao/contracts';
import { parseResidentId } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { actorOf } from '../../platform/auth/route-guard';
import type { OrgsService } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import { canEnterCreditsAt } from './credits.policy';

/**
 * For 单位批量录入 from a pasted or uploaded list: which staff of the unit the ID numbers
 * name. Numbers travel in the body only and are answered masked, in the order given.
 */
export async function lookupStaff(
  deps: { people: PeopleService; orgs: OrgsService },
  actor: Actor,
  unitId: string,
  idNumbers: readonly string[],
): Promise<StaffLookupResult> {
  const unit = visibleOr404(
    await deps.orgs.findInScope(actor, unitId).catch(() => undefined),
    canEnterCreditsAt,
    actor,
    { what: 'unit', details: { unitId } },
  );
  const today = deps.people.today();
  const parsed = idNumbers.map((raw) => parseResidentId(raw.trim().toUpperCase(), today));
  const found = await deps.people.findByIdNumbers(
    parsed.flatMap((p) => (p.ok ? [p.value.number] : [])),
  );
  return {
    items: parsed.map((p, index) => {
      if (!p.ok)
        return {
          index,
          personId: null,
          name: null,
          idNumberMasked: null,
          problem: 'invalid' as const,
        };
      const person = found.get(deps.people.idNumberHash(p.value.number));
      return person && person.unitId === unit.id
        ? {
            index,
            personId: person.id,
            name: person.name,
            idNumberMasked: person.idNumberMasked,
            problem: null,
          }
        : {
            index,
            personId: null,
            name: null,
            idNumberMasked: null,
            problem: 'not_in_unit' as const,
          };
    }),
  };
}

export function registerStaffLookupRoute(
  app: FastifyInstance,
  deps: { people: PeopleService; orgs: OrgsService },
): void {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/units/:id/staff::lookup', {
    config: { permission: 'credit:enter' },
    schema: {
      tags: ['credits'],
      summary: 'Which staff of the unit a list of ID numbers names (for bulk entry)',
      params: idParamsSchema,
      body: staffLookupSchema,
      response: {
        200: staffLookupResultSchema,
        400: errorResponseSchema,
        403: errorResponseSchema,
        404: errorResponseSchema,
      },
    },
    handler: (request) =>
      lookupStaff(deps, actorOf(request), request.params.id, request.body.idNumbers),
  });
}
