CREATE TABLE "document_page_texts" (
	"organization_id" text NOT NULL,
	"document_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"page_number" integer NOT NULL,
	"method" text NOT NULL,
	"confidence" real NOT NULL,
	"text_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_page_texts_pk" PRIMARY KEY("document_id","content_hash","page_number")
);
--> statement-breakpoint
ALTER TABLE "document_page_texts" ADD CONSTRAINT "document_page_texts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_page_texts" ADD CONSTRAINT "document_page_texts_document_id_patient_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."patient_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_page_texts_org_idx" ON "document_page_texts" USING btree ("organization_id");