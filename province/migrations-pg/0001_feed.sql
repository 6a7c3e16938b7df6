CREATE TABLE "feed_packages" (
	"county" text NOT NULL,
	"sequence" integer NOT NULL,
	"package_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"statuses" integer NOT NULL,
	"subsidies" integer NOT NULL,
	CONSTRAINT "feed_packages_county_sequence_pk" PRIMARY KEY("county","sequence")
);
