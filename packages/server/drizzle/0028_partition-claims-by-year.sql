-- Credit claims partitioned by year (ADR 0042). Written by hand: drizzle-kit does not model
-- partitioning (its snapshot holds the same columns, the key (id, year) and the composite
-- foreign keys). Drizzle runs every pending migration in one transaction, so the claims are
-- moved all or nothing.
CREATE TABLE "claim_year_archives" (
	"year" integer PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"row_counts" jsonb NOT NULL,
	"archived_by" uuid,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim_reviews" DROP CONSTRAINT "claim_reviews_claim_id_credit_claims_id_fk";--> statement-breakpoint
ALTER TABLE "credit_provenances" DROP CONSTRAINT "credit_provenances_claim_id_credit_claims_id_fk";--> statement-breakpoint
ALTER TABLE "claim_evidence" DROP CONSTRAINT "claim_evidence_claim_id_credit_claims_id_fk";--> statement-breakpoint
ALTER TABLE "award_lines" DROP CONSTRAINT "award_lines_claim_id_credit_claims_id_fk";--> statement-breakpoint
ALTER TABLE "credit_claims" RENAME TO "credit_claims_unpartitioned";--> statement-breakpoint
ALTER TABLE "credit_claims_unpartitioned" DROP CONSTRAINT "credit_claims_pkey";--> statement-breakpoint
DROP INDEX "credit_claims_person_year_idx";--> statement-breakpoint
DROP INDEX "credit_claims_queue_idx";--> statement-breakpoint
DROP INDEX "credit_claims_pending_order_idx";--> statement-breakpoint
DROP INDEX "credit_claims_pending_unit_idx";--> statement-breakpoint
DROP INDEX "credit_claims_match_idx";--> statement-breakpoint
DROP INDEX "credit_claims_unit_idx";--> statement-breakpoint
DROP INDEX "credit_claims_batch_idx";--> statement-breakpoint
CREATE TABLE "credit_claims" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"activity" jsonb NOT NULL,
	"activity_type" text NOT NULL,
	"activity_date" date NOT NULL,
	"end_date" date,
	"year" integer NOT NULL,
	"project_id" uuid,
	"project_number" text,
	"role" text,
	"credits" numeric(6, 1) NOT NULL,
	"credit_class" text,
	"pack_versions" jsonb NOT NULL,
	"valuation_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"chain_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_chain_id" uuid,
	"current_step" integer DEFAULT 0 NOT NULL,
	"current_reviewer_org_id" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"batch_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_claims_pkey" PRIMARY KEY("id","year")
) PARTITION BY RANGE ("year");
--> statement-breakpoint
-- Rows of a year without a partition of its own land here: no insert fails for its year.
CREATE TABLE "credit_claims_default" PARTITION OF "credit_claims" DEFAULT;--> statement-breakpoint
-- Creates the partition of a year (credit_claims_y2031, [2031, 2032)) unless it exists;
-- true when it created one. Refuses while the default partition holds claims of that year.
CREATE FUNCTION "credit_claims_add_year"(y integer) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	part text := format('credit_claims_y%s', y);
BEGIN
	IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
		RETURN false;
	END IF;
	IF EXISTS (SELECT 1 FROM public.credit_claims_default WHERE year = y) THEN
		RAISE EXCEPTION 'credit_claims_default holds claims of %: that year cannot get a partition of its own', y
			USING ERRCODE = 'check_violation';
	END IF;
	EXECUTE format('CREATE TABLE public.%I PARTITION OF public.credit_claims FOR VALUES FROM (%s) TO (%s)', part, y, y + 1);
	RETURN true;
END
$$;--> statement-breakpoint
SELECT "credit_claims_add_year"(y)
  FROM (SELECT generate_series(2016, 2035) AS y
        UNION SELECT DISTINCT "year" FROM "credit_claims_unpartitioned" WHERE "year" BETWEEN 1990 AND 2100) years
 ORDER BY y;--> statement-breakpoint
INSERT INTO "credit_claims" ("id", "person_id", "unit_id", "channel", "activity", "activity_type", "activity_date", "end_date", "year", "project_id", "project_number", "role", "credits", "credit_class", "pack_versions", "valuation_reasons", "status", "chain_steps", "review_chain_id", "current_step", "current_reviewer_org_id", "submitted_by", "submitted_at", "decided_at", "batch_id", "version", "created_by", "created_at", "updated_at")
SELECT "id", "person_id", "unit_id", "channel", "activity", "activity_type", "activity_date", "end_date", "year", "project_id", "project_number", "role", "credits", "credit_class", "pack_versions", "valuation_reasons", "status", "chain_steps", "review_chain_id", "current_step", "current_reviewer_org_id", "submitted_by", "submitted_at", "decided_at", "batch_id", "version", "created_by", "created_at", "updated_at"
  FROM "credit_claims_unpartitioned";--> statement-breakpoint
ALTER TABLE "claim_reviews" ADD COLUMN "claim_year" integer;--> statement-breakpoint
ALTER TABLE "credit_provenances" ADD COLUMN "claim_year" integer;--> statement-breakpoint
ALTER TABLE "claim_evidence" ADD COLUMN "claim_year" integer;--> statement-breakpoint
ALTER TABLE "award_lines" ADD COLUMN "claim_year" integer;--> statement-breakpoint
UPDATE "claim_reviews" r SET "claim_year" = c."year" FROM "credit_claims_unpartitioned" c WHERE c."id" = r."claim_id";--> statement-breakpoint
UPDATE "credit_provenances" p SET "claim_year" = c."year" FROM "credit_claims_unpartitioned" c WHERE c."id" = p."claim_id";--> statement-breakpoint
UPDATE "claim_evidence" e SET "claim_year" = c."year" FROM "credit_claims_unpartitioned" c WHERE c."id" = e."claim_id";--> statement-breakpoint
UPDATE "award_lines" l SET "claim_year" = c."year" FROM "credit_claims_unpartitioned" c WHERE c."id" = l."claim_id";--> statement-breakpoint
ALTER TABLE "claim_reviews" ALTER COLUMN "claim_year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_provenances" ALTER COLUMN "claim_year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "claim_evidence" ALTER COLUMN "claim_year" SET NOT NULL;--> statement-breakpoint
DROP TABLE "credit_claims_unpartitioned";--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_batch_id_award_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."award_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_reviews" ADD CONSTRAINT "claim_reviews_claim_fk" FOREIGN KEY ("claim_id","claim_year") REFERENCES "public"."credit_claims"("id","year") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "credit_provenances" ADD CONSTRAINT "credit_provenances_claim_fk" FOREIGN KEY ("claim_id","claim_year") REFERENCES "public"."credit_claims"("id","year") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "claim_evidence" ADD CONSTRAINT "claim_evidence_claim_fk" FOREIGN KEY ("claim_id","claim_year") REFERENCES "public"."credit_claims"("id","year") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "award_lines" ADD CONSTRAINT "award_lines_claim_fk" FOREIGN KEY ("claim_id","claim_year") REFERENCES "public"."credit_claims"("id","year") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "credit_claims_person_year_idx" ON "credit_claims" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "credit_claims_queue_idx" ON "credit_claims" USING btree ("status","current_reviewer_org_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "credit_claims_pending_order_idx" ON "credit_claims" USING btree ("submitted_at","id") WHERE status = 'submitted';--> statement-breakpoint
CREATE INDEX "credit_claims_pending_unit_idx" ON "credit_claims" USING btree ("unit_id","current_reviewer_org_id","submitted_at") WHERE status = 'submitted';--> statement-breakpoint
CREATE INDEX "credit_claims_match_idx" ON "credit_claims" USING btree ("person_id","project_number","role");--> statement-breakpoint
CREATE INDEX "credit_claims_unit_idx" ON "credit_claims" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "credit_claims_batch_idx" ON "credit_claims" USING btree ("batch_id");
