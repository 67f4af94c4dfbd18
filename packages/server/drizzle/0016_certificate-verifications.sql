ALTER TABLE "certificates" ADD COLUMN "verification_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "last_verified_at" timestamp with time zone;