-- Only a host's award claims have a batch: the other claims, most of a province's, no
-- longer write an index entry for a null batch.
DROP INDEX "credit_claims_batch_idx";--> statement-breakpoint
CREATE INDEX "credit_claims_batch_idx" ON "credit_claims" USING btree ("batch_id") WHERE batch_id is not null;