CREATE TABLE `province_policy_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`province_version` integer NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`issued_at` text NOT NULL,
	`feed_sequence` integer NOT NULL,
	`status` text NOT NULL,
	`activated_version` integer,
	`activated_at` text,
	`activated_by` integer,
	FOREIGN KEY (`activated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `province_policy_versions_issue` ON `province_policy_versions` (`code`,`province_version`);--> statement-breakpoint
ALTER TABLE `province_feed_packages` ADD `policies` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `province_feed_packages` ADD `receipts` integer DEFAULT 0 NOT NULL;