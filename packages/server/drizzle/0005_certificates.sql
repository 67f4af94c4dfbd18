CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" text NOT NULL,
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"province_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"holder_name" text NOT NULL,
	"holder_id_masked" text NOT NULL,
	"unit_name" text NOT NULL,
	"issuer_name" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"total_credits" numeric(7, 1) NOT NULL,
	"class_credits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"hours_equivalent" integer,
	"packs" jsonb NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"recipient_salt" text NOT NULL,
	"recipient_hash" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "certificates_serial_unique" UNIQUE("serial"),
	CONSTRAINT "certificates_person_year_key" UNIQUE("person_id","year")
);
--> statement-breakpoint
CREATE TABLE "hr_push_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"last_status_code" integer,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hr_push_settings" (
	"province_id" uuid PRIMARY KEY NOT NULL,
	"receiver_url" text NOT NULL,
	"secret_cipher" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_province_id_orgs_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hr_push_outbox" ADD CONSTRAINT "hr_push_outbox_province_id_orgs_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hr_push_settings" ADD CONSTRAINT "hr_push_settings_province_id_orgs_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certificates_unit_idx" ON "certificates" USING btree ("year","unit_path" text_pattern_ops,"serial");--> statement-breakpoint
CREATE INDEX "certificates_province_year_idx" ON "certificates" USING btree ("province_id","year","serial");--> statement-breakpoint
CREATE INDEX "hr_push_outbox_due_idx" ON "hr_push_outbox" USING btree ("next_attempt_at") WHERE "hr_push_outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "hr_push_outbox_province_idx" ON "hr_push_outbox" USING btree ("province_id","created_at","id");