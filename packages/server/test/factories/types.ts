import type {
  ActivityInput,
  ClaimStatus,
  CreditChannel,
  OrgKind,
  Person,
  Profession,
  ProjectLevel,
  ProjectStatus,
  Role,
  TitleGrade,
  UnitType,
} from '@jijiao/contracts';
import type { Clock } from '../../src/platform/clock';
import type { Config } from '../../src/platform/config/config';
import type { Database } from '../../src/platform/db/database';
import type { OrgRow } from '../../src/modules/orgs/orgs.service';

export interface OrgTree {
  /** The root: 测试省N卫生健康委员会, inserted by the repository (no service creates a root). */
  province: OrgRow;
  /** The provincial CME office: the last step of every default review chain. */
  cmeOffice: OrgRow;
  /** The provincial medical association, a project host. */
  host: OrgRow;
  city: OrgRow;
  district: OrgRow;
  /** The district's medical association: a reviewing body a chain may name. */
  association: OrgRow;
  /** A hospital under the district; its default chain is district → city → CME office. */
  unit: OrgRow;
}

export interface TestUser {
  id: string;
  username: string;
  displayName: string;
  /** Every factory account signs in with this password (no change required). */
  password: string;
  role: Role;
  orgId: string;
}

export interface TestPerson extends Person {
  /** The full number (the API masks it). */
  idNumber: string;
  /** The learner account registration gives every person. */
  user: TestUser;
}

export interface OrgTreeOverrides {
  /** The province's GB/T 2260 code (990000: fictitious, national packs only, like the demo). */
  regionCode?: string;
  /** Names by role in the tree; numbered 测试… names by default. */
  names?: Partial<Record<keyof OrgTree, string>>;
}

export interface OrgOverrides {
  parent: OrgRow;
  kind: OrgKind;
  name?: string;
  unitType?: UnitType;
  regionCode?: string;
}

export interface UserOverrides {
  role?: Exclude<Role, 'learner'>;
  /** Where the role is held; a fitting org of a new tree by default. */
  org?: OrgRow;
  username?: string;
  displayName?: string;
}

export interface PersonOverrides {
  unit?: OrgRow;
  name?: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  profession?: Profession;
  titleGrade?: TitleGrade;
  tcm?: boolean;
}

export interface ProjectOverrides {
  /** A host org (host, association or unit); a new tree's host by default. */
  host?: OrgRow;
  status?: ProjectStatus;
  level?: ProjectLevel;
  /** Made unique from a counter by default (numbers are unique across the database). */
  number?: string;
  name?: string;
  startDate?: string;
  endDate?: string;
  place?: string;
  hours?: number;
  attendeeCredits?: number;
  speakerCredits?: number;
  tcm?: boolean;
  remote?: boolean;
}

export interface ClaimOverrides {
  status?: ClaimStatus;
  /** Whose credit; a newly registered person by default. */
  person?: TestPerson;
  /** Self-study of 3 hours the day before "today" by default. */
  activity?: ActivityInput;
  /**
   * How it arrived: `self_report` by the person's own account (the default) and
   * `unit_bulk_entry` by their unit's admin go through the claims API's service; any
   * other channel through the intake, as imports and platforms do.
   */
  channel?: CreditChannel;
  /** For `submitted`: how many steps of the chain have approved it already (0). */
  approvedSteps?: number;
  /** For `returned`, `rejected` and `voided`: why (a reason is required). */
  reason?: string;
}

export interface CertificateOverrides {
  /** The holder; a newly registered person by default. */
  person?: TestPerson;
  /** The audited year; the year before "today" by default. */
  year?: number;
  totalCredits?: number;
}

export interface FactoryContext {
  database: Database;
  clock?: Clock;
  config?: Config;
}
