CREATE TABLE `person_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`reason` text NOT NULL,
	`corrected_by` integer,
	`corrected_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_corrections_person` ON `person_corrections` (`person_id`);--> statement-breakpoint
CREATE TABLE `person_key_groups` (
	`person_id` integer NOT NULL,
	`code` text NOT NULL,
	`as_of` text NOT NULL,
	`until` text,
	PRIMARY KEY(`code`, `person_id`),
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_key_groups_person` ON `person_key_groups` (`person_id`);--> statement-breakpoint
CREATE TABLE `person_qualifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`name` text NOT NULL,
	`level` text,
	`certificate_number` text,
	`issued_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_qualifications_person` ON `person_qualifications` (`person_id`);--> statement-breakpoint
CREATE TABLE `person_search_keys` (
	`person_id` integer NOT NULL,
	`key` text NOT NULL,
	PRIMARY KEY(`key`, `person_id`),
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_search_keys_person` ON `person_search_keys` (`person_id`);--> statement-breakpoint
ALTER TABLE `persons` ADD `phone_reversed` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `phone2` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `political_status_code` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `household_division_code` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `household_address` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `residence_village_code` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `education_code` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `school` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `major` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `graduation_date` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `disability_grade` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `health_status` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `is_veteran` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `low_income_status` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `female_retirement_category` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `employment_status` text DEFAULT 'unemployed_unregistered' NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `intended_occupation_code` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `intended_place` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `intended_salary_min_fen` integer;--> statement-breakpoint
ALTER TABLE `persons` ADD `intended_salary_max_fen` integer;--> statement-breakpoint
ALTER TABLE `persons` ADD `training_wishes` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `merged_into_id` integer;--> statement-breakpoint
CREATE INDEX `persons_phone_reversed` ON `persons` (`phone_reversed`);--> statement-breakpoint
CREATE INDEX `persons_birth_date` ON `persons` (`birth_date`);--> statement-breakpoint
CREATE INDEX `persons_township_status` ON `persons` (`residence_township_code`,`employment_status`);--> statement-breakpoint
CREATE INDEX `persons_updated` ON `persons` (`updated_at`);