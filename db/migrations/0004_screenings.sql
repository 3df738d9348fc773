CREATE TABLE "screening_results" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"screening_type_id" text NOT NULL,
	"screening_type_key" text NOT NULL,
	"screening_type_version" integer NOT NULL,
	"status" text NOT NULL,
	"provisional_status" text NOT NULL,
	"selection" text NOT NULL,
	"last_completed" date,
	"next_due" date,
	"evidence_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"details_encrypted" text NOT NULL,
	"as_of" date NOT NULL,
	"input_hash" text NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screening_results_org_patient_type_unique" UNIQUE("organization_id","patient_id","screening_type_id")
);
--> statement-breakpoint
CREATE TABLE "screening_reviews" (
	"organization_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"screening_type_key" text NOT NULL,
	"evidence_id" text NOT NULL,
	"decision" text NOT NULL,
	"confirmed_date" date,
	"decided_by" text,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screening_reviews_pk" PRIMARY KEY("organization_id","patient_id","screening_type_key","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "screening_types" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"preset_key" text,
	"preset_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_types_org_key_unique" UNIQUE("organization_id","key")
);
--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_screening_type_id_screening_types_id_fk" FOREIGN KEY ("screening_type_id") REFERENCES "public"."screening_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reviews" ADD CONSTRAINT "screening_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reviews" ADD CONSTRAINT "screening_reviews_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reviews" ADD CONSTRAINT "screening_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_types" ADD CONSTRAINT "screening_types_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "screening_results_org_status_idx" ON "screening_results" USING btree ("organization_id","status","next_due");--> statement-breakpoint
CREATE INDEX "screening_types_org_active_idx" ON "screening_types" USING btree ("organization_id","active");