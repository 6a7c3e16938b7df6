DROP INDEX `persons_name`;--> statement-breakpoint
CREATE INDEX `persons_name_active` ON `persons` (`name`,`merged_into_id`);