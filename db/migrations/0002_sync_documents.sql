CREATE TABLE "clinical_records" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"resource_type" text NOT NULL,
	"ehr_id" text NOT NULL,
	"data_encrypted" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clinical_records_natural_key" UNIQUE("organization_id","patient_id","resource_type","ehr_id")
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"fhir_base_url" text NOT NULL,
	"ehr_patient_id" text NOT NULL,
	"facts_encrypted" text,
	"last_synced_at" timestamp with time zone,
	"last_full_sync_at" timestamp with time zone,
	"last_scheduled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_org_base_ehr_unique" UNIQUE("organization_id","fhir_base_url","ehr_patient_id")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"fhir_base_url" text NOT NULL,
	"ehr_appointment_id" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone,
	"status" text NOT NULL,
	"ehr_practitioner_id" text,
	"ehr_encounter_id" text,
	"visit_type" text,
	"prep_status" text DEFAULT 'pending' NOT NULL,
	"last_synced_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_org_base_ehr_unique" UNIQUE("organization_id","fhir_base_url","ehr_appointment_id")
);
--> statement-breakpoint
CREATE TABLE "document_extractions" (
	"organization_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"ok" boolean NOT NULL,
	"result_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_extractions_pk" PRIMARY KEY("organization_id","content_hash")
);
--> statement-breakpoint
CREATE TABLE "patient_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"fhir_base_url" text NOT NULL,
	"ehr_document_id" text NOT NULL,
	"ehr_version" text NOT NULL,
	"origin" text DEFAULT 'ehr' NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"failure_reason" text,
	"failure_message" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"content_type" text,
	"content_hash" text,
	"detected_type" text,
	"pages" integer,
	"page_methods" jsonb,
	"confidence" real,
	"category" text,
	"service_date" date,
	"date_source" text,
	"from_cache" boolean,
	"title_encrypted" text,
	"text_encrypted" text,
	"processed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_documents_org_base_ehr_unique" UNIQUE("organization_id","fhir_base_url","ehr_document_id")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"mode" text,
	"patient_id" text,
	"triggered_by" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"range_start" timestamp with time zone,
	"range_end" timestamp with time zone,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_code" text,
	"error_reason" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "clinical_records" ADD CONSTRAINT "clinical_records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_records" ADD CONSTRAINT "clinical_records_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_extractions" ADD CONSTRAINT "document_extractions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_documents" ADD CONSTRAINT "patient_documents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_documents" ADD CONSTRAINT "patient_documents_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clinical_records_patient_idx" ON "clinical_records" USING btree ("organization_id","patient_id","resource_type");--> statement-breakpoint
CREATE INDEX "patients_org_scheduled_idx" ON "patients" USING btree ("organization_id","last_scheduled_at");--> statement-breakpoint
CREATE INDEX "appointments_org_start_idx" ON "appointments" USING btree ("organization_id","start_at");--> statement-breakpoint
CREATE INDEX "appointments_org_patient_idx" ON "appointments" USING btree ("organization_id","patient_id");--> statement-breakpoint
CREATE INDEX "patient_documents_org_patient_idx" ON "patient_documents" USING btree ("organization_id","patient_id");--> statement-breakpoint
CREATE INDEX "patient_documents_org_state_idx" ON "patient_documents" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "sync_runs_org_kind_started_idx" ON "sync_runs" USING btree ("organization_id","kind","started_at");--> statement-breakpoint
CREATE INDEX "sync_runs_org_patient_idx" ON "sync_runs" USING btree ("organization_id","patient_id");