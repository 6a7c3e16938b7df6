CREATE TABLE `statistics_external_figures` (
	`period` text PRIMARY KEY NOT NULL,
	`urban_employed` integer,
	`surveyed_unemployment_rate_bp` integer,
	`natural_attrition` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cases_type_state_decided` ON `cases` (`matter_type`,`state`,`decided_at`);--> statement-breakpoint
CREATE INDEX `cases_person_type_decided` ON `cases` (`person_id`,`matter_type`,`state`,`decided_at`);--> statement-breakpoint
CREATE INDEX `vacancies_valid_from` ON `vacancies` (`valid_from`);