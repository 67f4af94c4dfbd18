DROP INDEX "person_standings_order_idx";--> statement-breakpoint
CREATE INDEX "person_standings_name_idx" ON "person_standings" USING btree ("year","name","person_id");--> statement-breakpoint
CREATE INDEX "person_standings_credits_idx" ON "person_standings" USING btree ("year","total_credits","person_id");--> statement-breakpoint
CREATE INDEX "person_standings_unit_idx" ON "person_standings" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "person_standings_order_idx" ON "person_standings" USING btree ("year","compliant",(-"shortfall"),"name","person_id");