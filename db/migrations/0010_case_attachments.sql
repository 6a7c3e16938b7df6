CREATE TABLE `case_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`document_code` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`removed_reason` text,
	`removed_at` text,
	`removed_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_attachments_case` ON `case_attachments` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_attachments_sha256` ON `case_attachments` (`sha256`);--> statement-breakpoint
-- hand-written: exchange capture (attachments ride with their matter) and the never-deleted rule.
CREATE TRIGGER `exchange_capture_case_attachments_insert` AFTER INSERT ON `case_attachments`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', NEW.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_case_attachments_update` AFTER UPDATE ON `case_attachments`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', NEW.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `exchange_capture_case_attachments_delete` AFTER DELETE ON `case_attachments`
BEGIN INSERT INTO exchange_changes (entity, entity_id) VALUES ('cases', OLD.`case_id`); END;
--> statement-breakpoint
CREATE TRIGGER `case_attachments_never_deleted` BEFORE DELETE ON `case_attachments`
BEGIN SELECT RAISE(ABORT, '附件不能删除，只能标记为已移除并注明原因'); END;
--> statement-breakpoint
CREATE TRIGGER `case_attachments_content_fixed` BEFORE UPDATE OF `case_id`, `sha256`, `size_bytes`, `media_type` ON `case_attachments`
BEGIN SELECT RAISE(ABORT, '附件的内容与所属业务不能修改'); END;
