CREATE TABLE `exchange_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exchange_changes_entity` ON `exchange_changes` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `exchange_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner` text NOT NULL,
	`key_id` text NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	`retired_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_keys_key_id_unique` ON `exchange_keys` (`key_id`);--> statement-breakpoint
CREATE TABLE `exchange_packages` (
	`sequence` integer PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`created_at` text NOT NULL,
	`change_from` integer NOT NULL,
	`change_to` integer NOT NULL,
	`counts` text NOT NULL,
	`records` integer NOT NULL,
	`size` integer NOT NULL,
	`package_hash` text NOT NULL,
	`previous_hash` text,
	`signer_key_id` text NOT NULL,
	`recipient_key_id` text NOT NULL,
	`outbox_path` text NOT NULL,
	`status` text NOT NULL,
	`accepted` integer,
	`rejected` integer,
	`receipt_at` text,
	`created_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `exchange_record_states` (
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`state` text NOT NULL,
	`change_seq` integer NOT NULL,
	`package_sequence` integer NOT NULL,
	`ever_accepted` integer DEFAULT false NOT NULL,
	`reason` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`entity`, `entity_id`)
);
--> statement-breakpoint
CREATE INDEX `exchange_record_states_state` ON `exchange_record_states` (`state`);
--> statement-breakpoint
-- Change capture for the provincial exchange (db/exchange/aggregates.ts): every insert, update
-- and delete of an exported row records a change of its root record, in the same transaction.
CREATE TRIGGER `exchange_capture_persons_insert` AFTER INSERT ON `persons`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('persons', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_persons_update` AFTER UPDATE ON `persons`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('persons', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_persons_delete` AFTER DELETE ON `persons`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('persons', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_person_qualifications_insert` AFTER INSERT ON `person_qualifications`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('persons', NEW.`person_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_person_qualifications_update` AFTER UPDATE ON `person_qualifications`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('persons', NEW.`person_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_person_qualifications_delete` AFTER DELETE ON `person_qualifications`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('persons', OLD.`person_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_cases_insert` AFTER INSERT ON `cases`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_cases_update` AFTER UPDATE ON `cases`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_cases_delete` AFTER DELETE ON `cases`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_case_transitions_insert` AFTER INSERT ON `case_transitions`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', NEW.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_case_transitions_update` AFTER UPDATE ON `case_transitions`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', NEW.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_case_transitions_delete` AFTER DELETE ON `case_transitions`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', OLD.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprises_insert` AFTER INSERT ON `enterprises`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprises_update` AFTER UPDATE ON `enterprises`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprises_delete` AFTER DELETE ON `enterprises`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_former_names_insert` AFTER INSERT ON `enterprise_former_names`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', NEW.`enterprise_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_former_names_update` AFTER UPDATE ON `enterprise_former_names`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', NEW.`enterprise_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_former_names_delete` AFTER DELETE ON `enterprise_former_names`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', OLD.`enterprise_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_contacts_insert` AFTER INSERT ON `enterprise_contacts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', NEW.`enterprise_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_contacts_update` AFTER UPDATE ON `enterprise_contacts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', NEW.`enterprise_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_contacts_delete` AFTER DELETE ON `enterprise_contacts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', OLD.`enterprise_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_headcounts_insert` AFTER INSERT ON `enterprise_headcounts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', NEW.`enterprise_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_headcounts_update` AFTER UPDATE ON `enterprise_headcounts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', NEW.`enterprise_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_headcounts_delete` AFTER DELETE ON `enterprise_headcounts`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprises', OLD.`enterprise_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visits_insert` AFTER INSERT ON `enterprise_visits`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visits_update` AFTER UPDATE ON `enterprise_visits`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visits_delete` AFTER DELETE ON `enterprise_visits`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visit_staff_insert` AFTER INSERT ON `enterprise_visit_staff`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', NEW.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visit_staff_update` AFTER UPDATE ON `enterprise_visit_staff`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', NEW.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visit_staff_delete` AFTER DELETE ON `enterprise_visit_staff`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', OLD.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visit_difficulties_insert` AFTER INSERT ON `enterprise_visit_difficulties`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', NEW.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visit_difficulties_update` AFTER UPDATE ON `enterprise_visit_difficulties`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', NEW.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visit_difficulties_delete` AFTER DELETE ON `enterprise_visit_difficulties`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', OLD.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visit_policies_insert` AFTER INSERT ON `enterprise_visit_policies`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', NEW.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visit_policies_update` AFTER UPDATE ON `enterprise_visit_policies`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', NEW.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_visit_policies_delete` AFTER DELETE ON `enterprise_visit_policies`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', OLD.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_hiring_plans_insert` AFTER INSERT ON `enterprise_hiring_plans`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', NEW.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_hiring_plans_update` AFTER UPDATE ON `enterprise_hiring_plans`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', NEW.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_enterprise_hiring_plans_delete` AFTER DELETE ON `enterprise_hiring_plans`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('enterprise_visits', OLD.`visit_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_vacancies_insert` AFTER INSERT ON `vacancies`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('vacancies', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_vacancies_update` AFTER UPDATE ON `vacancies`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('vacancies', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_vacancies_delete` AFTER DELETE ON `vacancies`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('vacancies', OLD.`id`); END;
--> statement-breakpoint
-- Records that existed before change capture are the first changes, so the first package carries them all.
INSERT INTO exchange_changes (entity, entity_id) SELECT 'persons', id FROM `persons` ORDER BY id;
--> statement-breakpoint
INSERT INTO exchange_changes (entity, entity_id) SELECT 'cases', id FROM `cases` ORDER BY id;
--> statement-breakpoint
INSERT INTO exchange_changes (entity, entity_id) SELECT 'enterprises', id FROM `enterprises` ORDER BY id;
--> statement-breakpoint
INSERT INTO exchange_changes (entity, entity_id) SELECT 'enterprise_visits', id FROM `enterprise_visits` ORDER BY id;
--> statement-breakpoint
INSERT INTO exchange_changes (entity, entity_id) SELECT 'vacancies', id FROM `vacancies` ORDER BY id;
