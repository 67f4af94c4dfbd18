CREATE TABLE "province_calendars" (
	"province_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"entry_closes" date NOT NULL,
	"unit_audit_due" date NOT NULL,
	"city_audit_due" date NOT NULL,
	"province_filing" date NOT NULL,
	"early_audit_opens" date,
	"early_audit_closes" date,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"note" text,
	CONSTRAINT "province_calendars_province_id_year_pk" PRIMARY KEY("province_id","year")
);
--> statement-breakpoint
ALTER TABLE "province_calendars" ADD CONSTRAINT "province_calendars_province_id_orgs_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_calendars" ADD CONSTRAINT "province_calendars_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;