CREATE TABLE `person_key_group_schedule` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`recheck_on` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_key_group_schedule_due` ON `person_key_group_schedule` (`recheck_on`);--> statement-breakpoint
DROP INDEX `persons_township_status`;--> statement-breakpoint
CREATE INDEX `persons_township_status_birth` ON `persons` (`residence_township_code`,`employment_status`,`birth_date`,`merged_into_id`);--> statement-breakpoint
-- Stored key groups are recomputed in full once, filling the new schedule.
DELETE FROM settings WHERE key = 'key_groups_as_of';