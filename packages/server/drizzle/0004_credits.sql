CREATE TABLE "award_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"host_org_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"reviewer_org_id" uuid,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
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
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_provenances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"source_ref" text,
	"received_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_org_id" uuid
);
--> statement-breakpoint
CREATE TABLE "claim_evidence" (
	"claim_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" uuid,
	"person_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "claim_evidence_claim_id_sha256_pk" PRIMARY KEY("claim_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "award_batches" ADD CONSTRAINT "award_batches_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_batches" ADD CONSTRAINT "award_batches_host_org_id_orgs_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_reviews" ADD CONSTRAINT "claim_reviews_claim_id_credit_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."credit_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_claims" ADD CONSTRAINT "credit_claims_batch_id_award_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."award_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_provenances" ADD CONSTRAINT "credit_provenances_claim_id_credit_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."credit_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_evidence" ADD CONSTRAINT "claim_evidence_claim_id_credit_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."credit_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_evidence" ADD CONSTRAINT "claim_evidence_sha256_evidence_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_evidence" ADD CONSTRAINT "claim_evidence_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_batches_project_idx" ON "award_batches" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "claim_reviews_claim_idx" ON "claim_reviews" USING btree ("claim_id","at");--> statement-breakpoint
CREATE INDEX "credit_claims_person_year_idx" ON "credit_claims" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "credit_claims_queue_idx" ON "credit_claims" USING btree ("status","current_reviewer_org_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "credit_claims_match_idx" ON "credit_claims" USING btree ("person_id","project_number","role");--> statement-breakpoint
CREATE INDEX "credit_claims_unit_idx" ON "credit_claims" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "credit_claims_batch_idx" ON "credit_claims" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "credit_provenances_claim_idx" ON "credit_provenances" USING btree ("claim_id","received_at");--> statement-breakpoint
CREATE INDEX "claim_evidence_sha_idx" ON "claim_evidence" USING btree ("sha256","person_id");