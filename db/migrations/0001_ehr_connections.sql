CREATE TABLE "ehr_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"fhir_base_url" text NOT NULL,
	"client_id" text NOT NULL,
	"client_auth_method" text NOT NULL,
	"client_secret_encrypted" text,
	"scopes" text NOT NULL,
	"environment" text DEFAULT 'non_production' NOT NULL,
	"backend_client_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ehr_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"access_token_encrypted" text NOT NULL,
	"refresh_token_encrypted" text,
	"expires_at" timestamp with time zone NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"fhir_user" text,
	"launch_patient" text,
	"launch_encounter" text,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"refresh_lock_id" text,
	"refresh_lock_until" timestamp with time zone,
	"refreshed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ehr_tokens_org_user_kind" UNIQUE NULLS NOT DISTINCT("organization_id","user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"alg" text NOT NULL,
	"public_jwk" text NOT NULL,
	"private_jwk_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ehr_connections" ADD CONSTRAINT "ehr_connections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ehr_tokens" ADD CONSTRAINT "ehr_tokens_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ehr_tokens" ADD CONSTRAINT "ehr_tokens_connection_id_ehr_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."ehr_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ehr_tokens" ADD CONSTRAINT "ehr_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ehr_connections_org_idx" ON "ehr_connections" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "ehr_connections_base_idx" ON "ehr_connections" USING btree ("fhir_base_url");--> statement-breakpoint
CREATE INDEX "ehr_tokens_connection_idx" ON "ehr_tokens" USING btree ("organization_id","connection_id");