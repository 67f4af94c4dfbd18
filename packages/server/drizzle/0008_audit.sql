CREATE TABLE "audit_report_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audit_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"early_request_id" uuid,
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
CREATE TABLE "audit_results" (
	"audit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"compliant" boolean NOT NULL,
	"total_credits" numeric(7, 1) NOT NULL,
	"class_credits" jsonb NOT NULL,
	"requirements" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"pack_versions" jsonb NOT NULL,
	"certificate_hours" integer,
	"voided" boolean DEFAULT false NOT NULL,
	"note" text,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "audit_results_audit_id_person_id_pk" PRIMARY KEY("audit_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "audit_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"compliant" integer DEFAULT 0 NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "audit_unit_reports" (
	"audit_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"chain_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"chain_version" integer,
	"current_step" integer DEFAULT 0 NOT NULL,
	"current_reviewer_org_id" uuid,
	"people" integer DEFAULT 0 NOT NULL,
	"compliant" integer DEFAULT 0 NOT NULL,
	"confirmed_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "audit_unit_reports_audit_id_unit_id_pk" PRIMARY KEY("audit_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"report_deadline" date,
	"early_deadline" date,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"filed_by" uuid,
	"filed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "early_audit_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_ids" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"reason" text,
	"status" text NOT NULL,
	"chain_steps" jsonb NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"current_reviewer_org_id" uuid,
	"return_reason" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_report_actions" ADD CONSTRAINT "audit_report_actions_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_report_actions" ADD CONSTRAINT "audit_report_actions_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_results" ADD CONSTRAINT "audit_results_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_results" ADD CONSTRAINT "audit_results_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_results" ADD CONSTRAINT "audit_results_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_runs" ADD CONSTRAINT "audit_runs_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_unit_reports" ADD CONSTRAINT "audit_unit_reports_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_unit_reports" ADD CONSTRAINT "audit_unit_reports_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_province_id_orgs_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_audit_requests" ADD CONSTRAINT "early_audit_requests_audit_id_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_audit_requests" ADD CONSTRAINT "early_audit_requests_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_report_actions_unit_idx" ON "audit_report_actions" USING btree ("audit_id","unit_id","at");--> statement-breakpoint
CREATE INDEX "audit_results_unit_idx" ON "audit_results" USING btree ("audit_id","unit_id");--> statement-breakpoint
CREATE INDEX "audit_runs_audit_idx" ON "audit_runs" USING btree ("audit_id","started_at");--> statement-breakpoint
CREATE INDEX "audit_unit_reports_queue_idx" ON "audit_unit_reports" USING btree ("audit_id","current_reviewer_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audits_province_year" ON "audits" USING btree ("province_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "audits_one_open_per_province" ON "audits" USING btree ("province_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "early_audit_requests_audit_idx" ON "early_audit_requests" USING btree ("audit_id","current_reviewer_org_id");