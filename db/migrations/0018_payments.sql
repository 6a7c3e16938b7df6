CREATE TABLE `payee_accounts` (
	`payee_kind` text NOT NULL,
	`payee_id` integer NOT NULL,
	`account_number` text NOT NULL,
	`bank_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payee_accounts_payee` ON `payee_accounts` (`payee_kind`,`payee_id`);--> statement-breakpoint
CREATE INDEX `payee_accounts_number` ON `payee_accounts` (`account_number`);--> statement-breakpoint
CREATE TABLE `payment_acknowledgements` (
	`batch_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`code` text NOT NULL,
	`note` text NOT NULL,
	`by` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `payment_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_acknowledgements_key` ON `payment_acknowledgements` (`batch_id`,`line_no`,`code`);--> statement-breakpoint
CREATE TABLE `payment_batch_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`action` text NOT NULL,
	`note` text,
	`by` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `payment_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_batch_events_batch` ON `payment_batch_events` (`batch_id`);--> statement-breakpoint
CREATE TABLE `payment_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`fund_source` text NOT NULL,
	`month` text NOT NULL,
	`sequence` integer NOT NULL,
	`state` text NOT NULL,
	`prepared_by` integer NOT NULL,
	`reviewed_by` integer,
	`released_by` integer,
	`bank_file_sm3` text,
	`bank_file_at` text,
	`bank_file_count` integer,
	`bank_file_total_fen` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`prepared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`released_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_batches_number_unique` ON `payment_batches` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_batches_fund_month_seq` ON `payment_batches` (`fund_source`,`month`,`sequence`);--> statement-breakpoint
CREATE INDEX `payment_batches_state` ON `payment_batches` (`state`);--> statement-breakpoint
CREATE TABLE `payment_budgets` (
	`fund_source` text NOT NULL,
	`year` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "payment_budgets_amount" CHECK("payment_budgets"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_budgets_fund_year` ON `payment_budgets` (`fund_source`,`year`);--> statement-breakpoint
CREATE TABLE `payment_entitlements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payee_kind` text NOT NULL,
	`payee_id` integer NOT NULL,
	`beneficiary_person_id` integer,
	`policy_code` text NOT NULL,
	`policy_version` integer,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`fund_source` text NOT NULL,
	`basis` text NOT NULL,
	`basis_reason` text,
	`engine_amount_fen` integer,
	`case_id` integer,
	`township_code` text,
	`approved_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_entitlements_amount" CHECK("payment_entitlements"."amount_fen" > 0),
	CONSTRAINT "payment_entitlements_period" CHECK("payment_entitlements"."period_to" >= "payment_entitlements"."period_from")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_entitlements_case` ON `payment_entitlements` (`case_id`) WHERE "payment_entitlements"."case_id" is not null;--> statement-breakpoint
CREATE INDEX `payment_entitlements_payee` ON `payment_entitlements` (`payee_kind`,`payee_id`);--> statement-breakpoint
CREATE INDEX `payment_entitlements_fund` ON `payment_entitlements` (`fund_source`,`approved_on`);--> statement-breakpoint
CREATE TABLE `payment_ledger` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`on` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`line_id` integer NOT NULL,
	`line_ref` text NOT NULL,
	`recovery_id` integer,
	`payee_kind` text NOT NULL,
	`payee_id` integer NOT NULL,
	`payee_name` text NOT NULL,
	`policy_code` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`fund_source` text NOT NULL,
	`township_code` text,
	`paid_fen` integer DEFAULT 0 NOT NULL,
	`reversed_fen` integer DEFAULT 0 NOT NULL,
	`recovery_ordered_fen` integer DEFAULT 0 NOT NULL,
	`repaid_fen` integer DEFAULT 0 NOT NULL,
	`net_fen` integer DEFAULT 0 NOT NULL,
	`reason` text,
	`by` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`line_id`) REFERENCES `payment_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recovery_id`) REFERENCES `payment_recoveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_ledger_month` ON `payment_ledger` (`month`,`fund_source`);--> statement-breakpoint
CREATE INDEX `payment_ledger_line` ON `payment_ledger` (`line_id`);--> statement-breakpoint
CREATE INDEX `payment_ledger_payee` ON `payment_ledger` (`payee_kind`,`payee_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_ledger_paid_once` ON `payment_ledger` (`line_id`) WHERE "payment_ledger"."kind" = 'paid';--> statement-breakpoint
CREATE TABLE `payment_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`entitlement_id` integer NOT NULL,
	`payee_kind` text NOT NULL,
	`payee_id` integer NOT NULL,
	`payee_name` text NOT NULL,
	`payee_id_number` text NOT NULL,
	`account_number` text NOT NULL,
	`bank_name` text NOT NULL,
	`policy_code` text NOT NULL,
	`policy_name` text NOT NULL,
	`policy_version` integer,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`rebatch_of_line_id` integer,
	`result_on` text,
	FOREIGN KEY (`batch_id`) REFERENCES `payment_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entitlement_id`) REFERENCES `payment_entitlements`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_lines_amount" CHECK("payment_lines"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_lines_batch_line` ON `payment_lines` (`batch_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `payment_lines_entitlement` ON `payment_lines` (`entitlement_id`);--> statement-breakpoint
CREATE INDEX `payment_lines_payee` ON `payment_lines` (`payee_kind`,`payee_id`);--> statement-breakpoint
CREATE INDEX `payment_lines_account` ON `payment_lines` (`account_number`);--> statement-breakpoint
CREATE TABLE `payment_months` (
	`line_id` integer NOT NULL,
	`payee_kind` text NOT NULL,
	`payee_id` integer NOT NULL,
	`policy_code` text NOT NULL,
	`month` text NOT NULL,
	FOREIGN KEY (`line_id`) REFERENCES `payment_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_months_key` ON `payment_months` (`payee_kind`,`payee_id`,`policy_code`,`month`);--> statement-breakpoint
CREATE INDEX `payment_months_line` ON `payment_months` (`line_id`);--> statement-breakpoint
CREATE TABLE `payment_recoveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`line_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`repaid_fen` integer DEFAULT 0 NOT NULL,
	`reason` text NOT NULL,
	`ordered_on` text NOT NULL,
	`spot_check_item_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`line_id`) REFERENCES `payment_lines`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payment_recoveries_amounts" CHECK("payment_recoveries"."amount_fen" > 0 and "payment_recoveries"."repaid_fen" between 0 and "payment_recoveries"."amount_fen")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_recoveries_number_unique` ON `payment_recoveries` (`number`);--> statement-breakpoint
CREATE INDEX `payment_recoveries_line` ON `payment_recoveries` (`line_id`);--> statement-breakpoint
CREATE TABLE `spot_check_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`spot_check_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`finding` text,
	`note` text,
	`checked_by` integer,
	`checked_at` text,
	FOREIGN KEY (`spot_check_id`) REFERENCES `spot_checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spot_check_items_case` ON `spot_check_items` (`spot_check_id`,`case_id`);--> statement-breakpoint
CREATE TABLE `spot_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`decided_from` text NOT NULL,
	`decided_to` text NOT NULL,
	`policy_code` text,
	`share_percent` integer NOT NULL,
	`population` integer NOT NULL,
	`seed` text NOT NULL,
	`state` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_payment_lines_insert` AFTER INSERT ON `payment_lines`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('payment_lines', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_payment_lines_update` AFTER UPDATE ON `payment_lines`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('payment_lines', NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_payment_lines_delete` AFTER DELETE ON `payment_lines`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('payment_lines', OLD.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_payment_ledger_insert` AFTER INSERT ON `payment_ledger`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('payment_lines', NEW.`line_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_payment_ledger_update` AFTER UPDATE ON `payment_ledger`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('payment_lines', NEW.`line_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_payment_ledger_delete` AFTER DELETE ON `payment_ledger`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('payment_lines', OLD.`line_id`); END;
--> statement-breakpoint
-- The ledger is append-only: a money event is corrected by a new event (退票, 追回), never by editing or deleting one.
CREATE TRIGGER `payment_ledger_no_update` BEFORE UPDATE ON `payment_ledger`
BEGIN SELECT RAISE(ABORT, 'payment_ledger is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_ledger_no_delete` BEFORE DELETE ON `payment_ledger`
BEGIN SELECT RAISE(ABORT, 'payment_ledger is append-only'); END;
--> statement-breakpoint
-- A line never pays more than its entitlement, whoever writes it.
CREATE TRIGGER `payment_lines_within_entitlement_insert` BEFORE INSERT ON `payment_lines`
WHEN NEW.`amount_fen` > (SELECT `amount_fen` FROM `payment_entitlements` WHERE `id` = NEW.`entitlement_id`)
BEGIN SELECT RAISE(ABORT, 'payment line above its entitlement'); END;
--> statement-breakpoint
CREATE TRIGGER `payment_lines_within_entitlement_update` BEFORE UPDATE OF `amount_fen`, `entitlement_id` ON `payment_lines`
WHEN NEW.`amount_fen` > (SELECT `amount_fen` FROM `payment_entitlements` WHERE `id` = NEW.`entitlement_id`)
BEGIN SELECT RAISE(ABORT, 'payment line above its entitlement'); END;
