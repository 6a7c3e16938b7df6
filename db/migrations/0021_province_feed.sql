CREATE TABLE `cross_county_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id_number` text NOT NULL,
	`county_code` text NOT NULL,
	`county_name` text NOT NULL,
	`kind` text NOT NULL,
	`since` text NOT NULL,
	`as_of` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cross_county_statuses_id_number` ON `cross_county_statuses` (`id_number`);--> statement-breakpoint
CREATE TABLE `cross_county_subsidies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id_number` text NOT NULL,
	`county_code` text NOT NULL,
	`county_name` text NOT NULL,
	`policy_code` text NOT NULL,
	`policy_name` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`as_of` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cross_county_subsidies_id_number` ON `cross_county_subsidies` (`id_number`);--> statement-breakpoint
CREATE TABLE `province_feed_packages` (
	`sequence` integer PRIMARY KEY NOT NULL,
	`package_hash` text NOT NULL,
	`as_of` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` integer,
	`statuses` integer NOT NULL,
	`subsidies` integer NOT NULL,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
