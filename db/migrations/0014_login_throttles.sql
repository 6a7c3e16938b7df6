CREATE TABLE `login_throttles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`username` text,
	`client` text NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` text NOT NULL,
	`blocked_until` text,
	CONSTRAINT "login_throttles_scope_username" CHECK(("login_throttles"."scope" = 'account_client') = ("login_throttles"."username" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `login_throttles_account_client` ON `login_throttles` (`username`,`client`) WHERE "login_throttles"."scope" = 'account_client';--> statement-breakpoint
CREATE UNIQUE INDEX `login_throttles_client` ON `login_throttles` (`client`) WHERE "login_throttles"."scope" = 'client';--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `failed_logins`;--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `locked_until`;