CREATE INDEX `persons_created` ON `persons` (`created_at`,`created_by`);--> statement-breakpoint
CREATE INDEX `cases_accepted_station` ON `cases` (`accepted_on`,`station_id`);--> statement-breakpoint
CREATE INDEX `guidance_sessions_date_station` ON `guidance_sessions` (`session_date`,`station_id`);