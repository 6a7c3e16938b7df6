DROP INDEX `cases_type_state_decided`;--> statement-breakpoint
CREATE INDEX `cases_type_state_decided` ON `cases` (`case_type`,`state`,`decided_at`,`id`,`person_id`,`ended_on`);--> statement-breakpoint
DROP INDEX `vacancies_valid_from`;--> statement-breakpoint
CREATE INDEX `vacancies_valid_from` ON `vacancies` (`valid_from`,`id`,`status`,`openings`);