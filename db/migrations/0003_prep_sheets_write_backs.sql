CREATE TABLE "prep_sheets" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"appointment_id" text NOT NULL,
	"version" integer NOT NULL,
	"as_of" date NOT NULL,
	"content_hash" text NOT NULL,
	"model_encrypted" text NOT NULL,
	"status" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prep_sheets_org_appointment_version_unique" UNIQUE("organization_id","appointment_id","version")
);
--> statement-breakpoint
CREATE TABLE "write_backs" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"prep_sheet_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"ehr_encounter_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"state" text NOT NULL,
	"epic_document_reference_id" text,
	"replaces_epic_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error_code" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prep_sheets" ADD CONSTRAINT "prep_sheets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prep_sheets" ADD CONSTRAINT "prep_sheets_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prep_sheets" ADD CONSTRAINT "prep_sheets_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_backs" ADD CONSTRAINT "write_backs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_backs" ADD CONSTRAINT "write_backs_prep_sheet_id_prep_sheets_id_fk" FOREIGN KEY ("prep_sheet_id") REFERENCES "public"."prep_sheets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_backs" ADD CONSTRAINT "write_backs_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prep_sheets_org_patient_idx" ON "prep_sheets" USING btree ("organization_id","patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "write_backs_one_open_per_encounter" ON "write_backs" USING btree ("organization_id","patient_id","ehr_encounter_id") WHERE "write_backs"."state" in ('pending', 'sent', 'unknown');--> statement-breakpoint
CREATE INDEX "write_backs_org_patient_created_idx" ON "write_backs" USING btree ("organization_id","patient_id","created_at");--> statement-breakpoint
CREATE INDEX "write_backs_org_prep_sheet_idx" ON "write_backs" USING btree ("organization_id","prep_sheet_id");