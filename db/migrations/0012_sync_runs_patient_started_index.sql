DROP INDEX "sync_runs_org_patient_idx";--> statement-breakpoint
CREATE INDEX "sync_runs_org_patient_started_idx" ON "sync_runs" USING btree ("organization_id","patient_id","started_at");