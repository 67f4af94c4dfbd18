import { sql, type SQL } from 'drizzle-orm';

/** The provenance reference prefix of one unit bulk entry: `unit-bulk:<time>:<uuid>#<n>`. */
export const bulkEntryRefPrefix = 'unit-bulk:';

/**
 * Whether two claims came from the same unit bulk entry (单位批量录入): one activity for many
 * staff with shared evidence, where one file backing everyone is the point, not a sign of
 * reuse. Their provenances share the entry's reference up to `#`.
 */
export function sameBulkEntrySql(claimId: SQL, otherClaimId: SQL): SQL {
  return sql`exists (
    select 1 from credit_provenances pa
    join credit_provenances pb
      on split_part(pb.source_ref, '#', 1) = split_part(pa.source_ref, '#', 1)
    where pa.claim_id = ${claimId} and pb.claim_id = ${otherClaimId}
      and pa.channel = 'unit_bulk_entry' and pb.channel = 'unit_bulk_entry'
      and pa.source_ref like ${`${bulkEntryRefPrefix}%`})`;
}
