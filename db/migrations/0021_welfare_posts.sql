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
