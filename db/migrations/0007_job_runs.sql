CREATE TABLE "job_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"external_run_id" text,
	"function_id" text NOT NULL,
	"organization_id" text,
	"event_name" text NOT NULL,
	"event_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"error_message" text,
	"retry_of_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_external_run_idx" ON "job_runs" USING btree ("external_run_id");--> statement-breakpoint
CREATE INDEX "job_runs_org_started_idx" ON "job_runs" USING btree ("organization_id","started_at");--> statement-breakpoint
CREATE INDEX "job_runs_status_started_idx" ON "job_runs" USING btree ("status","started_at");