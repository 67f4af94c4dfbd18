import type { Org } from '@jijiao/contracts';
import type { TrailItem } from '../../../components/PageHeader';
import { orgsPath } from './org-path';

/**
 * The orgs one has drilled into (省 › 市 …), as steps under the page in its header's
 * breadcrumb; every level but the current one links back up.
 */
export function orgTrail(trail: readonly Org[]): TrailItem[] {
  return trail.map((org, index) => ({
    key: org.id,
    title: org.name,
    ...(index === trail.length - 1 ? {} : { path: orgsPath({ parentId: org.id }) }),
  }));
}
