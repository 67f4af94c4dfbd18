CREATE TABLE "certificate_pdfs" (
	"certificate_id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"stored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificate_pdfs" ADD CONSTRAINT "certificate_pdfs_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;