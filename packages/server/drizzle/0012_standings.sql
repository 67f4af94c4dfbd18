CREATE TABLE "person_standings" (
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"name" text NOT NULL,
	"profession" text NOT NULL,
	"title_grade" text NOT NULL,
	"unit_type" text,
	"unit_level" text,
	"compliant" boolean NOT NULL,
	"total_credits" numeric(8, 1) NOT NULL,
	"required" numeric(8, 1) NOT NULL,
	"shortfall" numeric(8, 1) NOT NULL,
	"class_credits" jsonb NOT NULL,
	"requirements" jsonb NOT NULL,
	"unmet" text[] NOT NULL,
	"stage" jsonb,
	"full_year" jsonb,
	"certificate_hours" numeric(8, 1),
	"pending_count" integer NOT NULL,
	"pending_credits" numeric(8, 1) NOT NULL,
	"monthly_credits" jsonb NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"channel_credits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"packs" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_standings_person_id_year_pk" PRIMARY KEY("person_id","year")
);
--> statement-breakpoint
CREATE TABLE "standing_queue" (
	"person_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "standing_queue_person_id_year_pk" PRIMARY KEY("person_id","year")
);
--> statement-breakpoint
CREATE TABLE "standings_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_standings" ADD CONSTRAINT "person_standings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_standings" ADD CONSTRAINT "person_standings_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_standings_path_idx" ON "person_standings" USING btree ("year","unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "person_standings_order_idx" ON "person_standings" USING btree ("year","compliant","shortfall" DESC NULLS LAST,"name","person_id");--> statement-breakpoint
CREATE INDEX "standing_queue_at_idx" ON "standing_queue" USING btree ("queued_at");