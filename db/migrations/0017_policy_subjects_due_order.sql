DROP INDEX `policy_subjects_due`;--> statement-breakpoint
CREATE INDEX `policy_subjects_due` ON `policy_subjects` (`recheck_on`,`subject_type`,`subject_id`);