ALTER TABLE "audit_runs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written: before one running run per audit is enforced, older runs still marked
-- running (left by processes that stopped) are marked failed, keeping the newest.
UPDATE "audit_runs" r SET "status" = 'failed', "error" = 'interrupted', "finished_at" = now()
WHERE r."status" = 'running' AND EXISTS (
  SELECT 1 FROM "audit_runs" n WHERE n."audit_id" = r."audit_id" AND n."status" = 'running'
    AND (n."started_at", n."id") > (r."started_at", r."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "audit_runs_one_running_idx" ON "audit_runs" USING btree ("audit_id") WHERE status = 'running';