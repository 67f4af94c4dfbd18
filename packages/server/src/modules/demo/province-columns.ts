// The columns the province generator copies into, in the order of its lines.

export const personColumns = [
  'id',
  'name',
  'id_number_cipher',
  'id_number_hash',
  'id_number_masked',
  'sex',
  'birth_date',
  'phone',
  'profession',
  'title_grade',
  'tcm',
  'unit_id',
  'created_at',
  'updated_at',
];

export const claimColumns = [
  'id',
  'person_id',
  'unit_id',
  'channel',
  'activity',
  'activity_type',
  'activity_date',
  'year',
  'project_id',
  'project_number',
  'role',
  'credits',
  'credit_class',
  'pack_versions',
  'valuation_reasons',
  'status',
  'chain_steps',
  'current_step',
  'current_reviewer_org_id',
  'submitted_at',
  'decided_at',
  'created_at',
  'updated_at',
];

export const provenanceColumns = [
  'id',
  'claim_id',
  'claim_year',
  'channel',
  'source_ref',
  'received_at',
];
