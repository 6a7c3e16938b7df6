CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`on_date` text NOT NULL,
	`reason` text,
	`note` text,
	`actor_user_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`);--> statement-breakpoint
CREATE TABLE `person_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`contact_date` text NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`staff_user_id` integer NOT NULL,
	`vacancy_id` integer,
	`content` text NOT NULL,
	`outcome` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vacancy_id`) REFERENCES `vacancies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_contacts_person_date` ON `person_contacts` (`person_id`,`contact_date`);--> statement-breakpoint
CREATE INDEX `person_contacts_date` ON `person_contacts` (`contact_date`);--> statement-breakpoint
CREATE INDEX `person_contacts_staff_date` ON `person_contacts` (`staff_user_id`,`contact_date`);--> statement-breakpoint
ALTER TABLE `cases` ADD `follow_up_due` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `review_due` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `last_reviewed_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `suspended_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `suspension_reason` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `ended_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `end_reason` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `end_note` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `ended_by` integer REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `cases_in_force` ON `cases` (`matter_type`,`accepted_on`) WHERE state = 'approved' and ended_on is null;--> statement-breakpoint
-- hand-written: change capture for the provincial exchange (as in 0008_exchange.sql), and the annual
-- review date of certifications approved before this migration (a year after the decision, office day), and
-- the follow-up date of earlier registrations (5 working days taken as 7 calendar days: the calendar is not in SQL).
CREATE TRIGGER `exchange_capture_case_events_insert` AFTER INSERT ON `case_events`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', NEW.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_case_events_update` AFTER UPDATE ON `case_events`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', NEW.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_case_events_delete` AFTER DELETE ON `case_events`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', OLD.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_person_contacts_insert` AFTER INSERT ON `person_contacts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('person_contacts', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_person_contacts_update` AFTER UPDATE ON `person_contacts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('person_contacts', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_person_contacts_delete` AFTER DELETE ON `person_contacts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('person_contacts', OLD.`id`); END;
--> statement-breakpoint
UPDATE `cases` SET `review_due` = date(`decided_at`, '+8 hours', '+1 year') WHERE `matter_type` = 'difficulty_certification' AND `state` = 'approved' AND `decided_at` IS NOT NULL;
--> statement-breakpoint
UPDATE `cases` SET `follow_up_due` = date(`accepted_on`, '+7 days') WHERE `matter_type` = 'unemployment_registration' AND `state` = 'approved' AND `accepted_on` IS NOT NULL;
