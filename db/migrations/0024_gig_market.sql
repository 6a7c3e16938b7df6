CREATE TABLE `gig_demands` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`enterprise_id` integer,
	`contact_name` text,
	`contact_phone` text,
	`task` text NOT NULL,
	`skills` text NOT NULL,
	`occupation_code` text,
	`township_code` text NOT NULL,
	`address` text NOT NULL,
	`work_date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`pay_fen` integer NOT NULL,
	`pay_unit` text NOT NULL,
	`people_needed` integer NOT NULL,
	`posted_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`cancel_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "gig_demands_pay" CHECK("gig_demands"."pay_fen" > 0),
	CONSTRAINT "gig_demands_people" CHECK("gig_demands"."people_needed" >= 1),
	CONSTRAINT "gig_demands_hours" CHECK("gig_demands"."end_time" > "gig_demands"."start_time")
);
--> statement-breakpoint
CREATE INDEX `gig_demands_date` ON `gig_demands` (`work_date`,`township_code`);--> statement-breakpoint
CREATE INDEX `gig_demands_posted` ON `gig_demands` (`posted_on`);--> statement-breakpoint
CREATE TABLE `gig_dispatches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`demand_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`dispatched_on` text NOT NULL,
	`match_score` integer,
	`status` text DEFAULT 'dispatched' NOT NULL,
	`completed_on` text,
	`worker_rating` integer,
	`demand_rating` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`demand_id`) REFERENCES `gig_demands`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `gig_workers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "gig_dispatches_worker_rating" CHECK("gig_dispatches"."worker_rating" is null or "gig_dispatches"."worker_rating" between 1 and 5),
	CONSTRAINT "gig_dispatches_demand_rating" CHECK("gig_dispatches"."demand_rating" is null or "gig_dispatches"."demand_rating" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gig_dispatches_demand_worker` ON `gig_dispatches` (`demand_id`,`worker_id`);--> statement-breakpoint
CREATE INDEX `gig_dispatches_worker` ON `gig_dispatches` (`worker_id`,`status`);--> statement-breakpoint
CREATE TABLE `gig_workers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`skills` text NOT NULL,
	`occupation_code` text,
	`available_days` text NOT NULL,
	`day_parts` text NOT NULL,
	`township_code` text NOT NULL,
	`contact_consent` integer NOT NULL,
	`consent_on` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gig_workers_person` ON `gig_workers` (`person_id`);--> statement-breakpoint
CREATE INDEX `gig_workers_township` ON `gig_workers` (`township_code`);--> statement-breakpoint
-- Hand-written: change capture for the provincial exchange (db/exchange/aggregates.ts captureTriggerSql), one trigger per table and operation.
CREATE TRIGGER `exchange_capture_gig_workers_insert` AFTER INSERT ON `gig_workers`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('gig_workers', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_gig_workers_update` AFTER UPDATE ON `gig_workers`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('gig_workers', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_gig_workers_delete` AFTER DELETE ON `gig_workers`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('gig_workers', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_gig_demands_insert` AFTER INSERT ON `gig_demands`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('gig_demands', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_gig_demands_update` AFTER UPDATE ON `gig_demands`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('gig_demands', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_gig_demands_delete` AFTER DELETE ON `gig_demands`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('gig_demands', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_gig_dispatches_insert` AFTER INSERT ON `gig_dispatches`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('gig_demands', NEW.`demand_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_gig_dispatches_update` AFTER UPDATE ON `gig_dispatches`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('gig_demands', NEW.`demand_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_gig_dispatches_delete` AFTER DELETE ON `gig_dispatches`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('gig_demands', OLD.`demand_id`); END;
