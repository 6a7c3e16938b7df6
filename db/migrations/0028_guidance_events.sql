CREATE TABLE `guidance_event_attendances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`checked_in_at` text NOT NULL,
	`late_entry` integer DEFAULT false NOT NULL,
	`registered_at_door` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `guidance_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guidance_event_attendances_event_person` ON `guidance_event_attendances` (`event_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `guidance_event_attendances_person` ON `guidance_event_attendances` (`person_id`);--> statement-breakpoint
CREATE TABLE `guidance_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`event_date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text,
	`place` text NOT NULL,
	`counselor_user_id` integer NOT NULL,
	`capacity` integer NOT NULL,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`counselor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guidance_events_date` ON `guidance_events` (`event_date`);--> statement-breakpoint
CREATE INDEX `guidance_events_counselor_date` ON `guidance_events` (`counselor_user_id`,`event_date`);--> statement-breakpoint
ALTER TABLE `guidance_referrals` ADD `subsidy_code` text;--> statement-breakpoint
-- Hand-written: change capture for the provincial exchange (db/exchange/aggregates.ts captureTriggerSql), one trigger per table and operation.
CREATE TRIGGER `exchange_capture_guidance_events_insert` AFTER INSERT ON `guidance_events`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('guidance_events', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_guidance_events_update` AFTER UPDATE ON `guidance_events`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('guidance_events', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_guidance_events_delete` AFTER DELETE ON `guidance_events`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('guidance_events', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_guidance_event_attendances_insert` AFTER INSERT ON `guidance_event_attendances`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('guidance_events', NEW.`event_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_guidance_event_attendances_update` AFTER UPDATE ON `guidance_event_attendances`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('guidance_events', NEW.`event_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_guidance_event_attendances_delete` AFTER DELETE ON `guidance_event_attendances`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('guidance_events', OLD.`event_id`); END;
