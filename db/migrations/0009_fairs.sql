CREATE TABLE `fair_attendances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fair_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`checked_in_at` text NOT NULL,
	`registered_at_door` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`fair_id`) REFERENCES `fairs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fair_attendances_fair_person` ON `fair_attendances` (`fair_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `fair_attendances_person` ON `fair_attendances` (`person_id`);--> statement-breakpoint
CREATE INDEX `fair_attendances_fair_time` ON `fair_attendances` (`fair_id`,`checked_in_at`);--> statement-breakpoint
CREATE TABLE `fair_enterprises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fair_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`booth_number` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`fair_id`) REFERENCES `fairs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fair_enterprises_fair_enterprise` ON `fair_enterprises` (`fair_id`,`enterprise_id`);--> statement-breakpoint
CREATE INDEX `fair_enterprises_enterprise` ON `fair_enterprises` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `fair_intentions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`attendance_id` integer NOT NULL,
	`fair_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`vacancy_id` integer,
	`outcome` text DEFAULT 'intention' NOT NULL,
	`outcome_on` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`attendance_id`) REFERENCES `fair_attendances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fair_id`) REFERENCES `fairs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vacancy_id`) REFERENCES `vacancies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fair_intentions_attendance` ON `fair_intentions` (`attendance_id`);--> statement-breakpoint
CREATE INDEX `fair_intentions_fair_outcome` ON `fair_intentions` (`fair_id`,`outcome`);--> statement-breakpoint
CREATE INDEX `fair_intentions_enterprise` ON `fair_intentions` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `fair_vacancies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fair_id` integer NOT NULL,
	`fair_enterprise_id` integer NOT NULL,
	`vacancy_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`fair_id`) REFERENCES `fairs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fair_enterprise_id`) REFERENCES `fair_enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vacancy_id`) REFERENCES `vacancies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fair_vacancies_fair_vacancy` ON `fair_vacancies` (`fair_id`,`vacancy_id`);--> statement-breakpoint
CREATE INDEX `fair_vacancies_participation` ON `fair_vacancies` (`fair_enterprise_id`);--> statement-breakpoint
CREATE INDEX `fair_vacancies_vacancy` ON `fair_vacancies` (`vacancy_id`);--> statement-breakpoint
CREATE TABLE `fairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`campaign` text NOT NULL,
	`target_group` text NOT NULL,
	`channel` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`venue` text,
	`organizer` text,
	`notes` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`cancel_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fairs_start_date` ON `fairs` (`start_date`);--> statement-breakpoint
CREATE INDEX `fairs_status_start_date` ON `fairs` (`status`,`start_date`);--> statement-breakpoint
-- hand-written:
-- One intention per person and vacancy (or enterprise when none is named): drizzle-kit cannot express this index.
CREATE UNIQUE INDEX `fair_intentions_one_per_target` ON `fair_intentions` (`attendance_id`, `enterprise_id`, coalesce(`vacancy_id`, 0));
--> statement-breakpoint
-- Change capture for the provincial exchange (db/exchange/aggregates.ts), as in 0008_exchange.sql.
CREATE TRIGGER `exchange_capture_fairs_insert` AFTER INSERT ON `fairs`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fairs', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fairs_update` AFTER UPDATE ON `fairs`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fairs', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fairs_delete` AFTER DELETE ON `fairs`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fairs', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_enterprises_insert` AFTER INSERT ON `fair_enterprises`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fairs', NEW.`fair_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_enterprises_update` AFTER UPDATE ON `fair_enterprises`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fairs', NEW.`fair_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_enterprises_delete` AFTER DELETE ON `fair_enterprises`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fairs', OLD.`fair_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_vacancies_insert` AFTER INSERT ON `fair_vacancies`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fairs', NEW.`fair_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_vacancies_update` AFTER UPDATE ON `fair_vacancies`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fairs', NEW.`fair_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_vacancies_delete` AFTER DELETE ON `fair_vacancies`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fairs', OLD.`fair_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_attendances_insert` AFTER INSERT ON `fair_attendances`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fair_attendances', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_attendances_update` AFTER UPDATE ON `fair_attendances`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fair_attendances', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_attendances_delete` AFTER DELETE ON `fair_attendances`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fair_attendances', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_intentions_insert` AFTER INSERT ON `fair_intentions`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fair_attendances', NEW.`attendance_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_intentions_update` AFTER UPDATE ON `fair_intentions`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fair_attendances', NEW.`attendance_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_fair_intentions_delete` AFTER DELETE ON `fair_intentions`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('fair_attendances', OLD.`attendance_id`); END;
