CREATE TABLE "policy_versions" (
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"counties" jsonb,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_versions_code_version_pk" PRIMARY KEY("code","version")
);
--> statement-breakpoint
ALTER TABLE "feed_packages" ADD COLUMN "policies" integer DEFAULT 0 NOT NULL;