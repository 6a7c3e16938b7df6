CREATE TABLE "receipts" (
	"sender" text NOT NULL,
	"sequence" integer NOT NULL,
	"content" jsonb NOT NULL,
	"fed_in" integer,
	CONSTRAINT "receipts_sender_sequence_pk" PRIMARY KEY("sender","sequence")
);
--> statement-breakpoint
ALTER TABLE "feed_packages" ADD COLUMN "receipts" integer DEFAULT 0 NOT NULL;