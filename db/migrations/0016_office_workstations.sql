CREATE TABLE `office_pairing_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_hash` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` integer,
	`expires_at` text NOT NULL,
	`used_at` text,
	`used_by_workstation` integer,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`used_by_workstation`) REFERENCES `workstations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `office_pairing_codes_code_hash_unique` ON `office_pairing_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `office_pairing_codes_expires` ON `office_pairing_codes` (`expires_at`);--> statement-breakpoint
CREATE TABLE `workstations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`credential_hash` text NOT NULL,
	`paired_at` text NOT NULL,
	`paired_from` text NOT NULL,
	`last_seen_at` text,
	`revoked_at` text,
	`revoked_by` integer,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "workstations_revoked_by" CHECK("workstations"."revoked_by" is null or "workstations"."revoked_at" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workstations_credential_hash_unique` ON `workstations` (`credential_hash`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `workstation_id` integer;