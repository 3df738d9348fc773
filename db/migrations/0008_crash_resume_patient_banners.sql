CREATE TABLE "job_run_steps" (
	"job_run_id" text NOT NULL,
	"step_id" text NOT NULL,
	"output" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_run_steps_pk" PRIMARY KEY("job_run_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "patient_banners" (
	"organization_id" text NOT NULL,
	"patient_id" text NOT NULL,
	"banner_encrypted" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "patient_banners_pk" PRIMARY KEY("organization_id","patient_id")
);
--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "job_run_steps" ADD CONSTRAINT "job_run_steps_job_run_id_job_runs_id_fk" FOREIGN KEY ("job_run_id") REFERENCES "public"."job_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_banners" ADD CONSTRAINT "patient_banners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_banners" ADD CONSTRAINT "patient_banners_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_banners_expires_idx" ON "patient_banners" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "job_runs_dedupe_idx" ON "job_runs" USING btree ("function_id","dedupe_key");