CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `case_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`actor_user_id` integer,
	`at` text NOT NULL,
	`comment` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_transitions_case` ON `case_transitions` (`case_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_no` text,
	`matter_type` text NOT NULL,
	`person_id` integer NOT NULL,
	`state` text NOT NULL,
	`form` text NOT NULL,
	`documents` text NOT NULL,
	`prepared_by` integer NOT NULL,
	`accepted_by` integer,
	`accepted_on` text,
	`due_date` text,
	`decided_by` integer,
	`decided_at` text,
	`decision_comment` text,
	`decision_snapshot` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prepared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_receipt_no_unique` ON `cases` (`receipt_no`);--> statement-breakpoint
CREATE INDEX `cases_person` ON `cases` (`person_id`);--> statement-breakpoint
CREATE INDEX `cases_state_due` ON `cases` (`state`,`due_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_one_open_per_type` ON `cases` (`person_id`,`matter_type`) WHERE state in ('draft', 'accepted', 'in_review', 'returned');