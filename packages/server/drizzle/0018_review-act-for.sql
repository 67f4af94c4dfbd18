ALTER TABLE "claim_reviews" ADD COLUMN "acted_for" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "claim_reviews" ADD COLUMN "actor_org_id" uuid;