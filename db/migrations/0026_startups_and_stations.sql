CREATE TABLE `stations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`township_code` text NOT NULL,
	`village_code` text,
	`address` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stations_name` ON `stations` (`name`);--> statement-breakpoint
CREATE INDEX `stations_township` ON `stations` (`township_code`);--> statement-breakpoint
CREATE TABLE `business_starts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`started_on` text NOT NULL,
	`kind` text NOT NULL,
	`subsidy_case_id` integer,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subsidy_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `business_starts_person_enterprise` ON `business_starts` (`person_id`,`enterprise_id`);--> statement-breakpoint
CREATE INDEX `business_starts_enterprise` ON `business_starts` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `incubator_places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`business_start_id` integer NOT NULL,
	`incubator` text NOT NULL,
	`place` text NOT NULL,
	`from_on` text NOT NULL,
	`to_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`business_start_id`) REFERENCES `business_starts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incubator_places_business` ON `incubator_places` (`business_start_id`);--> statement-breakpoint
CREATE TABLE `startup_loan_interest_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` integer NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`loan_id`) REFERENCES `startup_loans`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "startup_loan_interest_periods_order" CHECK("startup_loan_interest_periods"."period_to" >= "startup_loan_interest_periods"."period_from")
);
--> statement-breakpoint
CREATE INDEX `startup_loan_interest_periods_loan` ON `startup_loan_interest_periods` (`loan_id`);--> statement-breakpoint
CREATE TABLE `startup_loans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`business_start_id` integer NOT NULL,
	`borrower` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`bank` text NOT NULL,
	`term_months` integer NOT NULL,
	`guarantee_kind` text NOT NULL,
	`applied_on` text NOT NULL,
	`granted_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`business_start_id`) REFERENCES `business_starts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "startup_loans_term" CHECK("startup_loans"."term_months" > 0),
	CONSTRAINT "startup_loans_amount" CHECK("startup_loans"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX `startup_loans_business` ON `startup_loans` (`business_start_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `station_id` integer REFERENCES stations(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `station_id` integer REFERENCES stations(id);--> statement-breakpoint
-- Hand-written: change capture for the provincial exchange (db/exchange/aggregates.ts captureTriggerSql), one trigger per table and operation.
CREATE TRIGGER `exchange_capture_stations_insert` AFTER INSERT ON `stations`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('stations', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_stations_update` AFTER UPDATE ON `stations`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('stations', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_stations_delete` AFTER DELETE ON `stations`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('stations', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_business_starts_insert` AFTER INSERT ON `business_starts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('business_starts', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_business_starts_update` AFTER UPDATE ON `business_starts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('business_starts', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_business_starts_delete` AFTER DELETE ON `business_starts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('business_starts', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_incubator_places_insert` AFTER INSERT ON `incubator_places`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('business_starts', NEW.`business_start_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_incubator_places_update` AFTER UPDATE ON `incubator_places`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('business_starts', NEW.`business_start_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_incubator_places_delete` AFTER DELETE ON `incubator_places`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('business_starts', OLD.`business_start_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_startup_loans_insert` AFTER INSERT ON `startup_loans`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('startup_loans', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_startup_loans_update` AFTER UPDATE ON `startup_loans`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('startup_loans', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_startup_loans_delete` AFTER DELETE ON `startup_loans`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('startup_loans', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_startup_loan_interest_periods_insert` AFTER INSERT ON `startup_loan_interest_periods`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('startup_loans', NEW.`loan_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_startup_loan_interest_periods_update` AFTER UPDATE ON `startup_loan_interest_periods`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('startup_loans', NEW.`loan_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_startup_loan_interest_periods_delete` AFTER DELETE ON `startup_loan_interest_periods`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('startup_loans', OLD.`loan_id`); END;
