import type { UnitPlace } from '@jijiao/domain';
import type { OrgRow } from '../orgs/orgs.service';
import type { PersonView } from '../people/people.service';

export { placeOfUnit, type UnitPlace } from '@jijiao/domain';

/** A person with their unit and the unit's place, as the intake values their claims. */
export interface PersonAndPlace {
  person: PersonView;
  unit: OrgRow;
  where: UnitPlace;
}
