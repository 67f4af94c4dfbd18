CREATE TABLE "award_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"hours" numeric(7, 1),
	"awarded_credits" numeric(5, 1),
	"sessions_attended" integer,
	"credits" numeric(6, 1) NOT NULL,
	"credit_class" text,
	"pack_versions" jsonb NOT NULL,
	"valuation_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"claim_id" uuid,
	"matched" boolean DEFAULT false NOT NULL,
	"return_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "award_batches" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "award_batches" ADD COLUMN "submitted_by" uuid;--> statement-breakpoint
ALTER TABLE "award_batches" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "award_batches" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "award_lines" ADD CONSTRAINT "award_lines_batch_id_award_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."award_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_lines" ADD CONSTRAINT "award_lines_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_lines" ADD CONSTRAINT "award_lines_claim_id_credit_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."credit_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "award_lines_person_role_uq" ON "award_lines" USING btree ("batch_id","person_id","role");--> statement-breakpoint
CREATE INDEX "award_lines_claim_idx" ON "award_lines" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "award_batches_status_idx" ON "award_batches" USING btree ("status","submitted_at");