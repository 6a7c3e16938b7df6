CREATE TABLE "corrections" (
	"serial" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "corrections_serial_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sender" text NOT NULL,
	"entity" text NOT NULL,
	"id" bigint NOT NULL,
	"change_seq" bigint NOT NULL,
	"reasons" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"sender" text NOT NULL,
	"sequence" integer NOT NULL,
	"package_hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"records" integer NOT NULL,
	"accepted" integer NOT NULL,
	"rejected" integer NOT NULL,
	CONSTRAINT "packages_sender_sequence_pk" PRIMARY KEY("sender","sequence")
);
--> statement-breakpoint
CREATE TABLE "records" (
	"sender" text NOT NULL,
	"entity" text NOT NULL,
	"id" bigint NOT NULL,
	"change_seq" bigint NOT NULL,
	"op" text NOT NULL,
	"record" jsonb,
	"package_sequence" integer NOT NULL,
	CONSTRAINT "records_sender_entity_id_pk" PRIMARY KEY("sender","entity","id")
);
--> statement-breakpoint
CREATE TABLE "rejections" (
	"serial" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rejections_serial_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sender" text NOT NULL,
	"entity" text NOT NULL,
	"id" bigint NOT NULL,
	"change_seq" bigint NOT NULL,
	"package_sequence" integer NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "senders" (
	"code" text PRIMARY KEY NOT NULL,
	"last_sequence" integer NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "corrections_record" ON "corrections" USING btree ("sender","entity","id");--> statement-breakpoint
CREATE INDEX "records_person_id_number" ON "records" USING btree (("record" ->> 'idNumber')) WHERE "records"."entity" = 'persons';--> statement-breakpoint
CREATE INDEX "rejections_package" ON "rejections" USING btree ("sender","package_sequence");