/**
 * The rules engine's codes that reach the screen, mirrored from the domain (a web test checks
 * they match): why an activity counts for less, which requirement a year misses, the fields
 * of an activity and their choices, the levels of the policy packs.
 */

/** Why an activity counts for less than its face value (domain `reasonCodes`). */
export const valuationReasons = [
  'capped_per_project',
  'capped_per_year',
  'not_recognised_out_of_province',
  'outside_year',
  'below_unit',
  'rank_not_credited',
  'not_valued_by_policy',
  'residency_assessment_failed',
  'project_not_filed',
] as const;
export type ValuationReason = (typeof valuationReasons)[number];

/**
 * The requirements of a year: the annual total, the class minimums, and the stage's project
 * credits (`stage_<project level>_projects`, national in the 2006 measures).
 */
export const requirementCodes = [
  'annual_total',
  'class_I_minimum',
  'class_II_minimum',
  'stage_national_projects',
  'stage_provincial_projects',
  'stage_municipal_projects',
  'stage_unit_projects',
] as const;
export type RequirementCode = (typeof requirementCodes)[number];

/** What may satisfy a year's requirements on its own (`waivedBy`). */
export const requirementWaivers = ['full_year', 'residency'] as const;

/** The fields of an activity besides its type and date (the scenario format). */
export const activityFieldNames = [
  'level',
  'role',
  'hours',
  'awardedCredits',
  'remote',
  'projectNumber',
  'projectName',
  'hostProvince',
  'journal',
  'authorRank',
  'rank',
  'words',
  'characters',
  'times',
  'months',
  'startDate',
  'endDate',
  'certificateDate',
  'platform',
  'trainingYear',
  'totalYears',
  'assessmentPassed',
] as const;
export type ActivityFieldName = (typeof activityFieldNames)[number];

/** The choices of an activity's select fields. */
export const projectRoles = ['attendee', 'speaker'] as const;
export const sessionRoles = ['speaker', 'participant'] as const;
export const journalKinds = ['foreign', 'core', 'provincial'] as const;
export const researchLevels = ['national', 'provincial', 'city'] as const;

/** Where a policy pack applies. */
export const policyLevels = ['national', 'province', 'city', 'district'] as const;
export type PolicyLevel = (typeof policyLevels)[number];
