CREATE TABLE `training_claim_trainees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`enrolment_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`occupation_code` text NOT NULL,
	`level` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrolment_id`) REFERENCES `training_enrolments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "training_claim_trainees_amount" CHECK("training_claim_trainees"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_claim_trainees_enrolment` ON `training_claim_trainees` (`enrolment_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_claim_trainees_person_skill` ON `training_claim_trainees` (`person_id`,`occupation_code`,`level`);--> statement-breakpoint
CREATE INDEX `training_claim_trainees_case` ON `training_claim_trainees` (`case_id`);--> statement-breakpoint
CREATE TABLE `welfare_subsidy_months` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`placement_id` integer NOT NULL,
	`month` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`entitlement_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `welfare_posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placement_id`) REFERENCES `welfare_placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entitlement_id`) REFERENCES `payment_entitlements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_subsidy_months_amount" CHECK("welfare_subsidy_months"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welfare_subsidy_months_placement_month` ON `welfare_subsidy_months` (`placement_id`,`month`);--> statement-breakpoint
CREATE INDEX `welfare_subsidy_months_month` ON `welfare_subsidy_months` (`month`);--> statement-breakpoint
-- Hand-written: change capture of the two new tables (db/exchange/aggregates.ts captureTriggerSql).
CREATE TRIGGER `exchange_capture_training_claim_trainees_insert` AFTER INSERT ON `training_claim_trainees`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', NEW.`enrolment_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_claim_trainees_update` AFTER UPDATE ON `training_claim_trainees`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', NEW.`enrolment_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_claim_trainees_delete` AFTER DELETE ON `training_claim_trainees`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', OLD.`enrolment_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_welfare_subsidy_months_insert` AFTER INSERT ON `welfare_subsidy_months`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('welfare_posts', NEW.`post_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_welfare_subsidy_months_update` AFTER UPDATE ON `welfare_subsidy_months`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('welfare_posts', NEW.`post_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_welfare_subsidy_months_delete` AFTER DELETE ON `welfare_subsidy_months`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('welfare_posts', OLD.`post_id`); END;
