CREATE TABLE "standing_tallies" (
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"profession" text NOT NULL,
	"title_grade" text NOT NULL,
	"unit_level" text,
	"staff" integer NOT NULL,
	"compliant" integer NOT NULL,
	"credit_tenths" bigint NOT NULL,
	"buckets" integer[] NOT NULL,
	"months" double precision[] NOT NULL,
	"channels" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standing_tally_queue" (
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "standing_tally_queue_year_unit_id_pk" PRIMARY KEY("year","unit_id")
);
--> statement-breakpoint
CREATE INDEX "standing_tallies_unit_idx" ON "standing_tallies" USING btree ("year","unit_id");--> statement-breakpoint
CREATE INDEX "standing_tallies_path_idx" ON "standing_tallies" USING btree ("year","unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "standing_tally_queue_at_idx" ON "standing_tally_queue" USING btree ("queued_at");--> statement-breakpoint
-- Every unit's year that has standings gets its tallies computed by the standings worker.
INSERT INTO "standing_tally_queue" ("year", "unit_id", "queued_at")
SELECT DISTINCT "year", "unit_id", now() FROM "person_standings";
