CREATE TABLE `training_attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enrolment_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`present` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`enrolment_id`) REFERENCES `training_enrolments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `training_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_attendance_enrolment_session` ON `training_attendance` (`enrolment_id`,`session_id`);--> statement-breakpoint
CREATE INDEX `training_attendance_session` ON `training_attendance` (`session_id`);--> statement-breakpoint
CREATE TABLE `training_certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enrolment_id` integer NOT NULL,
	`certificate_number` text NOT NULL,
	`level` text NOT NULL,
	`issued_on` text NOT NULL,
	`revoked_on` text,
	`revoke_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`enrolment_id`) REFERENCES `training_enrolments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_certificates_number` ON `training_certificates` (`certificate_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_certificates_enrolment` ON `training_certificates` (`enrolment_id`);--> statement-breakpoint
CREATE TABLE `training_classes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`class_number` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`place` text NOT NULL,
	`teacher` text NOT NULL,
	`capacity` integer NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`cancel_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `training_programmes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "training_classes_dates" CHECK("training_classes"."end_date" >= "training_classes"."start_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_classes_number` ON `training_classes` (`class_number`);--> statement-breakpoint
CREATE INDEX `training_classes_programme` ON `training_classes` (`programme_id`);--> statement-breakpoint
CREATE INDEX `training_classes_end` ON `training_classes` (`end_date`);--> statement-breakpoint
CREATE TABLE `training_enrolments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`employer_enterprise_id` integer,
	`enrolled_on` text NOT NULL,
	`status` text DEFAULT 'enrolled' NOT NULL,
	`completed_on` text,
	`withdrawn_reason` text,
	`assessment_result` text,
	`assessed_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `training_classes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`employer_enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_enrolments_class_person` ON `training_enrolments` (`class_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `training_enrolments_person` ON `training_enrolments` (`person_id`);--> statement-breakpoint
CREATE TABLE `training_programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`name` text NOT NULL,
	`occupation_code` text NOT NULL,
	`skill` text NOT NULL,
	`level` text NOT NULL,
	`kind` text NOT NULL,
	`eligibility` text NOT NULL,
	`hours` integer NOT NULL,
	`subsidy_per_person_fen` integer NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `training_providers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "training_programmes_dates" CHECK("training_programmes"."valid_to" >= "training_programmes"."valid_from"),
	CONSTRAINT "training_programmes_amounts" CHECK("training_programmes"."hours" > 0 and "training_programmes"."subsidy_per_person_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `training_programmes_provider` ON `training_programmes` (`provider_id`);--> statement-breakpoint
CREATE TABLE `training_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`credit_code` text NOT NULL,
	`address` text,
	`contact_name` text,
	`contact_phone` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_providers_credit_code` ON `training_providers` (`credit_code`);--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`session_date` text NOT NULL,
	`hours` integer NOT NULL,
	`topic` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `training_classes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_sessions_class_date` ON `training_sessions` (`class_id`,`session_date`);--> statement-breakpoint
CREATE TABLE `welfare_placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`certification_case_id` integer NOT NULL,
	`hired_on` text NOT NULL,
	`planned_end_on` text NOT NULL,
	`ended_on` text,
	`end_reason` text,
	`end_note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `welfare_posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`certification_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `welfare_placements_post` ON `welfare_placements` (`post_id`,`ended_on`);--> statement-breakpoint
CREATE INDEX `welfare_placements_person` ON `welfare_placements` (`person_id`);--> statement-breakpoint
CREATE INDEX `welfare_placements_active_end` ON `welfare_placements` (`planned_end_on`) WHERE ended_on is null;--> statement-breakpoint
CREATE TABLE `welfare_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`employer_name` text NOT NULL,
	`enterprise_id` integer,
	`title` text NOT NULL,
	`positions` integer NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`monthly_subsidy_fen` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "welfare_posts_period" CHECK("welfare_posts"."period_to" >= "welfare_posts"."period_from"),
	CONSTRAINT "welfare_posts_positions" CHECK("welfare_posts"."positions" > 0)
);
--> statement-breakpoint
-- Hand-written: change capture for the provincial exchange (db/exchange/aggregates.ts captureTriggerSql), one trigger per table and operation.
CREATE TRIGGER `exchange_capture_training_providers_insert` AFTER INSERT ON `training_providers`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_providers', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_providers_update` AFTER UPDATE ON `training_providers`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_providers', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_providers_delete` AFTER DELETE ON `training_providers`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_providers', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_programmes_insert` AFTER INSERT ON `training_programmes`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_programmes', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_programmes_update` AFTER UPDATE ON `training_programmes`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_programmes', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_programmes_delete` AFTER DELETE ON `training_programmes`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_programmes', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_classes_insert` AFTER INSERT ON `training_classes`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_classes', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_classes_update` AFTER UPDATE ON `training_classes`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_classes', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_classes_delete` AFTER DELETE ON `training_classes`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_classes', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_sessions_insert` AFTER INSERT ON `training_sessions`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_classes', NEW.`class_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_sessions_update` AFTER UPDATE ON `training_sessions`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_classes', NEW.`class_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_sessions_delete` AFTER DELETE ON `training_sessions`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_classes', OLD.`class_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_enrolments_insert` AFTER INSERT ON `training_enrolments`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_enrolments_update` AFTER UPDATE ON `training_enrolments`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_enrolments_delete` AFTER DELETE ON `training_enrolments`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_attendance_insert` AFTER INSERT ON `training_attendance`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', NEW.`enrolment_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_attendance_update` AFTER UPDATE ON `training_attendance`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', NEW.`enrolment_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_attendance_delete` AFTER DELETE ON `training_attendance`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', OLD.`enrolment_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_certificates_insert` AFTER INSERT ON `training_certificates`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', NEW.`enrolment_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_certificates_update` AFTER UPDATE ON `training_certificates`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', NEW.`enrolment_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_training_certificates_delete` AFTER DELETE ON `training_certificates`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('training_enrolments', OLD.`enrolment_id`); END;
--> statement-breakpoint
-- Hand-written: change capture for the provincial exchange (db/exchange/aggregates.ts captureTriggerSql), one trigger per table and operation.
CREATE TRIGGER `exchange_capture_welfare_posts_insert` AFTER INSERT ON `welfare_posts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('welfare_posts', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_welfare_posts_update` AFTER UPDATE ON `welfare_posts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('welfare_posts', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_welfare_posts_delete` AFTER DELETE ON `welfare_posts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('welfare_posts', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_welfare_placements_insert` AFTER INSERT ON `welfare_placements`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('welfare_posts', NEW.`post_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_welfare_placements_update` AFTER UPDATE ON `welfare_placements`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('welfare_posts', NEW.`post_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_welfare_placements_delete` AFTER DELETE ON `welfare_placements`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('welfare_posts', OLD.`post_id`); END;
