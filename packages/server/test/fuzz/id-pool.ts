import fc from 'fast-check';
import type { Operation } from './operations';

/** The collection a field's ids come from, by the field's name (else any id of the test). */
const collectionOfName: Readonly<Record<string, string>> = {
  personId: '/api/v1/people',
  unitId: '/api/v1/units',
  orgId: '/api/v1/orgs',
  parentId: '/api/v1/orgs',
  hostId: '/api/v1/orgs',
  issuerId: '/api/v1/orgs',
  provinceId: '/api/v1/provinces',
  projectId: '/api/v1/projects',
  claimId: '/api/v1/credits',
  serial: '/api/v1/certificates',
  sessionId: '/api/v1/projects/{id}/sessions',
  requestId: '/api/v1/audits/{id}/early',
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Real ids of the test's data, by collection (`/api/v1/people`): what a path parameter or
 * an id field picks most of the time, so that requests reach the database.
 */
export function createIdPool(options: { excluded: ReadonlySet<string> }) {
  const byCollection = new Map<string, string[]>();
  const all: string[] = [];

  function add(collection: string, ids: readonly string[]): void {
    const list = byCollection.get(collection) ?? [];
    for (const id of ids) {
      if (options.excluded.has(id) || list.includes(id)) continue;
      list.push(id);
      if (!all.includes(id)) all.push(id);
    }
    byCollection.set(collection, list);
  }

  /** `/api/v1/people/{id}` → `/api/v1/people`; a named id by its name. */
  function collectionOf(op: Operation, param: string): string {
    const marker = `/{${param}}`;
    const at = op.path.indexOf(marker);
    return collectionOfName[param] ?? (at > 0 ? op.path.slice(0, at) : '');
  }

  function candidates(collection: string): readonly string[] {
    return byCollection.get(collection) ?? [];
  }

  return {
    add,
    /** The ids of a list's answer (`items[].id`, `[].id`, `serial`s) join its collection. */
    harvest(collection: string, body: unknown): void {
      const items: unknown =
        body !== null && typeof body === 'object' && 'items' in body ? body.items : body;
      if (!Array.isArray(items)) return;
      const ids: string[] = [];
      for (const item of items as unknown[]) {
        if (item === null || typeof item !== 'object') continue;
        const record = item as Record<string, unknown>;
        const id = record.serial ?? record.id;
        if (typeof id === 'string') ids.push(id);
      }
      add(collection, ids.slice(0, 10));
    },
    first(op: Operation, param: string): string | undefined {
      return candidates(collectionOf(op, param))[0];
    },
    /** Real ids for a path parameter; undefined when the test has none. */
    arbitrary(op: Operation, param: string): fc.Arbitrary<string> | undefined {
      const ids = candidates(collectionOf(op, param));
      return ids.length > 0 ? fc.constantFrom(...ids) : undefined;
    },
    idFor(name: string): fc.Arbitrary<string> {
      const ids = candidates(collectionOfName[name] ?? '');
      if (ids.length > 0) return fc.constantFrom(...ids);
      return all.length > 0 ? fc.constantFrom(...all.filter((id) => uuid.test(id))) : fc.uuid();
    },
  };
}
